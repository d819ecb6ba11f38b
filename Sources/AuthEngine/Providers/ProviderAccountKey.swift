/// A key of an `[[accounts]]` block that only some providers have (Cognito's `region`,
/// `client_id`, client secret source). The add/edit form shows the keys the chosen provider
/// declares, so the UI needs no knowledge of any provider: the keys, their checks and how they
/// land in an `AccountConfig` all live here, next to the config reader that reads them back.
public struct ProviderAccountKey: Sendable, Equatable {
    /// The form field id; also the config key, except for a secret source, whose one field
    /// stands for the `_env` / `_command` pair (`env:VAR` or `cmd:COMMAND`).
    public var id: String
    public var label: String
    public var placeholder: String

    public init(id: String, label: String, placeholder: String) {
        self.id = id
        self.label = label
        self.placeholder = placeholder
    }
}

extension ProviderDefinition {
    /// The provider's own account keys, in the order the form shows them. They belong to the
    /// wire protocol (what its client needs), so custom JSON providers have none.
    public var accountKeys: [ProviderAccountKey] {
        switch api {
        case .json: []
        case .cognito: CognitoKeys.formKeys
        }
    }

    /// The form text of each of `accountKeys` for `account` (keys it does not set are absent).
    public func accountKeyValues(of account: AccountConfig) -> [String: String] {
        switch api {
        case .json: [:]
        case .cognito: account.cognito.map(CognitoKeys.formValues) ?? [:]
        }
    }

    /// Checks the form's `values` (by key id) and sets them on `account`, whose `baseURL` must
    /// already be the form's. Returns a message per invalid key id; empty when all are valid.
    /// Messages never repeat a value: a secret typed into the wrong field stays off the screen.
    public func applyAccountKeys(_ values: [String: String], to account: inout AccountConfig) -> [String: String] {
        switch api {
        case .json:
            account.cognito = nil
            return [:]
        case .cognito:
            switch CognitoKeys.settings(fromForm: values, hasBaseURL: account.baseURL != nil) {
            case .success(let settings):
                account.cognito = settings
                return [:]
            case .failure(let messages):
                return messages.byKey
            }
        }
    }
}

/// Messages per form key id, as an `Error` so key checks can answer a `Result`.
struct AccountKeyMessages: Error {
    var byKey: [String: String]
}
