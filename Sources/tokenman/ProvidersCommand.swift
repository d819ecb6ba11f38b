import ArgumentParser
import AuthEngine

extension Tokenman {
    /// `tokenman providers`: the provider definitions this installation knows.
    struct Providers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "providers",
            abstract: "List the built-in and configured provider definitions.",
            discussion: """
                --json prints an array of objects with the keys id, display_name, origin \
                ("built-in", "config" or "config-override"), base_url, password_transform, \
                token_carriage, can_refresh, refresh_rotates, logout, revoke, \
                new_password_challenge, password_reset, change_password, access_lifetime and \
                refresh_lifetime (documented seconds, or null).
                """
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                let builtInIDs = Set(ProviderDefinition.builtIns.map(\.id))
                let configuredIDs = Set(context.config.providers.map(\.id))
                let definitions = context.config.catalog.all
                func origin(_ id: String) -> String {
                    guard configuredIDs.contains(id) else { return "built-in" }
                    return builtInIDs.contains(id) ? "config-override" : "config"
                }
                if json {
                    Console.out(JSONValue.array(definitions.map { Self.json($0, origin: origin($0.id)) }).serialized)
                    return
                }
                let rows = definitions.map { definition in
                    [
                        definition.id, definition.displayName, origin(definition.id), Self.carriage(definition.tokenCarriage),
                        definition.canRefresh ? "yes" : "no", definition.defaultBaseURL,
                    ]
                }
                Console.out(TextTable.render(header: ["ID", "NAME", "ORIGIN", "TOKEN IN", "REFRESH", "BASE URL"], rows: rows))
            }
        }

        static func carriage(_ carriage: TokenCarriage) -> String {
            switch carriage {
            case .bearer: "bearer"
            case .bearerWithRefreshHeader: "bearer_with_refresh_header"
            case .jsonBodyField: "json_body"
            }
        }

        static func json(_ definition: ProviderDefinition, origin: String) -> JSONValue {
            let endpoints = definition.endpoints
            func seconds(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
            return .object([
                ("id", .string(definition.id)),
                ("display_name", .string(definition.displayName)),
                ("origin", .string(origin)),
                ("base_url", .string(definition.defaultBaseURL)),
                ("password_transform", .string(definition.passwordTransform.rawValue)),
                ("token_carriage", .string(carriage(definition.tokenCarriage))),
                ("can_refresh", .bool(definition.canRefresh)),
                ("refresh_rotates", .bool(definition.refreshRotation == .rotates)),
                ("logout", .bool(endpoints.logout != nil)),
                ("revoke", .bool(endpoints.revoke != nil)),
                ("new_password_challenge", .bool(endpoints.newPasswordChallenge != nil)),
                ("password_reset", .bool(endpoints.forgotPassword != nil && endpoints.forgotPasswordConfirm != nil)),
                ("change_password", .bool(endpoints.changePassword != nil)),
                ("access_lifetime", seconds(definition.lifetimes.access)),
                ("refresh_lifetime", seconds(definition.lifetimes.refresh)),
            ])
        }
    }
}
