/// Forms return to where they were started: the details screen they were opened from
/// (`formOrigin`), else the list. A form that leads to another (login → new password,
/// forgot password → login) keeps the origin until the last one is done.
extension AppModel {
    mutating func leaveForm() {
        if let origin = formOrigin, account(named: origin.account) != nil {
            screen = .detail(origin)
        } else {
            screen = .accounts
        }
        formOrigin = nil
    }
}
