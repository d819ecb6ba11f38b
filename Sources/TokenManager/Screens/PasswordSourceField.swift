import PlatformSupport
import AuthEngine
import TerminalUI

/// The add/edit form's password source: a choice (prompt / environment variable / command)
/// and, for the last two, a field of its own for the variable's name or the command. The
/// config file has one key per source (`password_prompt`, `password_env`,
/// `password_command`, and `api_token_env` / `api_token_command` for API tokens).
enum PasswordSourceField {
    static let choiceID = "source"
    static let valueID = "source_value"

    static let prompt = FormOption(id: "prompt", label: "prompt when needed")
    static let environment = FormOption(id: "env", label: "environment variable")
    static let command = FormOption(id: "cmd", label: "command")
    static let tokenEnvironment = FormOption(id: "token-env", label: "API token from variable")
    static let tokenCommand = FormOption(id: "token-cmd", label: "API token from command")

    /// The choices; an account already using an API token keeps that choice too.
    static func options(includingAPIToken: Bool) -> [FormOption] {
        [prompt, environment, command] + (includingAPIToken ? [tokenEnvironment, tokenCommand] : [])
    }

    /// The choice's id and the value field's text for `mode`.
    static func formValues(_ mode: AccountConfig.Mode) -> (choice: String, value: String) {
        switch mode {
        case .password(.prompt), .apiToken(.prompt): (prompt.id, "")
        case .password(.environment(let name)): (environment.id, name)
        case .password(.command(let text)): (command.id, text)
        case .apiToken(.environment(let name)): (tokenEnvironment.id, name)
        case .apiToken(.command(let text)): (tokenCommand.id, text)
        }
    }

    static func isAPIToken(_ mode: AccountConfig.Mode) -> Bool {
        if case .apiToken = mode { return true }
        return false
    }

    /// The fields for `choice`: the choice itself, then the value field when it has one.
    static func fields(choice: String, value: String, includingAPIToken: Bool) -> [FormField] {
        var fields = [FormField(id: choiceID, label: "Password", options: options(includingAPIToken: includingAPIToken), selected: choice)]
        switch choice {
        case environment.id, tokenEnvironment.id:
            fields.append(FormField(id: valueID, label: "Variable", text: value, placeholder: "name, e.g. SHOP_PASSWORD"))
        case command.id, tokenCommand.id:
            fields.append(FormField(id: valueID, label: "Command", text: value, placeholder: "first line is used, e.g. pass show shop"))
        default:
            break
        }
        return fields
    }

    /// The mode the form's `choice` and `value` say, or a message for the value field.
    static func mode(choice: String, value: String) -> Result<AccountConfig.Mode, SourceMessage> {
        let value = value.trimmedWhitespace()
        switch choice {
        case environment.id, tokenEnvironment.id:
            guard !value.isEmpty else { return .failure(SourceMessage("The variable's name is required")) }
            guard isVariableName(value) else {
                return .failure(SourceMessage("A variable name: letters, digits and _, not starting with a digit"))
            }
            return .success(choice == environment.id ? .password(.environment(value)) : .apiToken(.environment(value)))
        case command.id, tokenCommand.id:
            guard !value.isEmpty else { return .failure(SourceMessage("The command is required")) }
            return .success(choice == command.id ? .password(.command(value)) : .apiToken(.command(value)))
        default:
            return .success(.password(.prompt))
        }
    }

    /// What a POSIX shell accepts as a variable name.
    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)) }
    }

    struct SourceMessage: Error, Equatable {
        var text: String
        init(_ text: String) { self.text = text }
    }
}
