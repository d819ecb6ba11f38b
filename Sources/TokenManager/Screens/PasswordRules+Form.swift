import AuthEngine

extension PasswordRules {
    /// Checks a form's "new password" and "repeat" fields before anything is sent, so the
    /// person gets the message at once and next to the field; returns messages by field id.
    func check(new: String, repeated: String, newID: String = "new", repeatID: String = "repeat") -> [String: String] {
        var messages: [String: String] = [:]
        if new.isEmpty {
            messages[newID] = "New password is required"
        } else if new.count < minimumLength {
            messages[newID] = "At least \(minimumLength) characters"
        }
        if repeated.isEmpty {
            messages[repeatID] = "Repeat the new password"
        } else if repeated != new {
            messages[repeatID] = "The two new passwords differ"
        }
        return messages
    }
}
