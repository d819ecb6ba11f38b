/// The plainest command lines, read without ArgumentParser for the start-up fast paths
/// (`CachedTokenFastPath`, the UI launch in `TokenmanEntry`). Anything it is not certain to
/// read as ArgumentParser would is refused (nil), and the caller then leaves it to the parser.
enum FastArguments {
    /// Splits `arguments` into the values of `options` (`--name value` or `--name=value`) and
    /// the positionals. Nil for an unknown, repeated or empty option, a value that looks like an
    /// option, or a positional that starts with "-" (`--`, `-h` and the like).
    static func parse(_ arguments: ArraySlice<String>, options: [String]) -> (values: [String: String], positionals: [String])? {
        var values: [String: String] = [:]
        var positionals: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                positionals.append(argument)
                continue
            }
            let name: String, value: String
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            } else {
                guard index < arguments.endIndex else { return nil }
                name = argument
                value = arguments[index]
                index += 1
            }
            guard options.contains(name), values[name] == nil, !value.isEmpty, !value.hasPrefix("-") else { return nil }
            values[name] = value
        }
        return (values, positionals)
    }
}
