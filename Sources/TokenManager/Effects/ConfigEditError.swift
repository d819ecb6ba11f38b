/// Why the config file could not be changed; shown in the account form.
struct ConfigEditError: Error, Equatable, Sendable {
    var message: String
}
