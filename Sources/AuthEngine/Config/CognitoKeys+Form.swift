import FoundationEssentials
import PlatformSupport

/// Cognito's keys as the add/edit form edits them: the same rules `CognitoKeys.decode` applies
/// to the file, worded for a form field, so a saved form always loads.
extension CognitoKeys {
    static let formKeys = [
        ProviderAccountKey(id: "region", label: "Region", placeholder: "e.g. us-east-1"),
        ProviderAccountKey(id: "client_id", label: "Client id", placeholder: "the app client id"),
        // One field for client_secret_env / client_secret_command, like the password's source.
        ProviderAccountKey(id: "client_secret", label: "Client secret", placeholder: "none | env:VAR | cmd:COMMAND"),
    ]

    static func formValues(_ settings: CognitoAccountSettings) -> [String: String] {
        var values = ["client_id": settings.clientID]
        if let region = settings.region { values["region"] = region }
        if let text = settings.clientSecret?.formText { values["client_secret"] = text }
        return values
    }

    static func settings(fromForm values: [String: String], hasBaseURL: Bool) -> Result<CognitoAccountSettings, AccountKeyMessages> {
        func text(_ id: String) -> String { (values[id] ?? "").trimmedWhitespace() }
        var messages: [String: String] = [:]
        let clientID = text("client_id")
        if clientID.isEmpty { messages["client_id"] = "Client id is required (the app client's id)" }
        let region = text("region")
        if region.isEmpty {
            if !hasBaseURL { messages["region"] = "Region is required (or a Base URL for the endpoint)" }
        } else if !CognitoAccountSettings.isValidRegion(region) {
            messages["region"] = "Not a region name such as us-east-1"
        }
        let secret = clientSecretSource(text("client_secret"))
        if secret == nil { messages["client_secret"] = "Use env:VAR or cmd:COMMAND (empty: a public app client)" }
        guard messages.isEmpty, let secret else { return .failure(AccountKeyMessages(byKey: messages)) }
        return .success(CognitoAccountSettings(region: region.isEmpty ? nil : region, clientID: clientID, clientSecret: secret.source))
    }

    /// nil: not a source. `.some(Found(source: nil))`: no secret (a public app client).
    private struct Found { var source: SecretSource? }

    private static func clientSecretSource(_ text: String) -> Found? {
        if text.isEmpty || text == "none" { return Found(source: nil) }
        return SecretSource(formText: text).map { Found(source: $0) }
    }
}
