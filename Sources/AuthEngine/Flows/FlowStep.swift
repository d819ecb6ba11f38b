/// Which flow a response belongs to: the same status means different things in different flows
/// (401 on login is a wrong password, on refresh a dead token, on a challenge an expired session).
enum FlowStep: Sendable, Equatable {
    case login
    case newPasswordChallenge
    case refresh
    case logout
    case revoke
    case forgotPassword
    case forgotPasswordConfirm
    case changePassword

    /// Steps whose main input is a token the provider may refuse.
    var presentsToken: Bool { self == .refresh || self == .logout || self == .revoke }
}
