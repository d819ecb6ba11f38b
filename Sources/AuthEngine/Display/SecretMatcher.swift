/// Decides whether a text gives away one of the secrets a request carried.
///
/// Servers echo input in error messages ("password 'Hunter2' too weak"), sometimes changed: in
/// another letter case, or the transformed form the provider actually received (Exabits gets
/// the MD5 hex of the password). So every secret is matched case-insensitively, together with
/// the forms the caller adds, and with its first or last character dropped (a server that
/// trims or truncates). Short secrets (under 4 characters) are not matched: they would hide
/// every message containing a common word, and are no secret worth the name anyway.
public struct SecretMatcher: Sendable {
    private let needles: [String]

    public init(secrets: [String]) {
        var needles: Set<String> = []
        for secret in secrets {
            let lower = secret.lowercased()
            guard lower.count >= 4 else { continue }
            needles.insert(lower)
            if lower.count >= 5 {
                needles.insert(String(lower.dropFirst()))
                needles.insert(String(lower.dropLast()))
            }
        }
        self.needles = needles.sorted()
    }

    /// True when `text` contains any secret in any letter case.
    public func reveals(_ text: String) -> Bool {
        guard !needles.isEmpty else { return false }
        let lower = text.lowercased()
        return needles.contains { lower.contains($0) }
    }
}
