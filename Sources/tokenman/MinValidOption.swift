import ArgumentParser

/// `--min-valid` of the commands that hand out a token (token, header, exec). A group of its
/// own rather than part of `AccountArgument`: `token` lists `--kind` between the two, and
/// the help keeps that order.
struct MinValidOption: ParsableArguments {
    @Option(name: .customLong("min-valid"), help: ArgumentHelp(
        "Renew first unless the access token stays valid at least this long (90s, 5m, 1h).",
        valueName: "duration"))
    var minValid: DurationArgument = DurationArgument(seconds: 0)

    var seconds: Double { minValid.seconds }
}
