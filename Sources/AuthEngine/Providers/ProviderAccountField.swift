import PlatformSupport
/// An account field a provider declares (a shop's subdomain, an affiliate id): not an auth
/// input, but part of the account, shown in the details and exported by `tokenman exec`.
/// The config takes it as a key of the `[[accounts]]` block (the documented shape) or inside
/// `fields = { … }`; the add/edit form shows one input per declared field.
public struct ProviderAccountField: Sendable, Equatable {
    /// The config key and the form field id.
    public var id: String
    public var label: String
    public var isRequired: Bool
    public var placeholder: String

    public init(id: String, label: String, isRequired: Bool = false, placeholder: String = "") {
        self.id = id
        self.label = label
        self.isRequired = isRequired
        self.placeholder = placeholder
    }
}

extension ProviderDefinition {
    /// Messages by field id for `values` (the form's text by field id): required fields
    /// must not be empty, and no value may hold a line break (the file keeps one line each).
    public func checkAccountFields(_ values: [String: String]) -> [String: String] {
        var messages: [String: String] = [:]
        for field in accountFields {
            let value = values[field.id]?.trimmedWhitespace() ?? ""
            if field.isRequired && value.isEmpty {
                messages[field.id] = "\(field.label) is required"
            } else if value.contains(where: \.isNewline) || value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                messages[field.id] = "\(field.label) must be one line of text"
            }
        }
        return messages
    }
}
