import Testing
@testable import AuthEngine

/// `mouse = false` in `[settings]` turns the UI's mouse reporting off; it is on by default.
@Suite struct MouseSettingTests {
    let parser = ConfigTextParser(displayPath: "config.toml")

    @Test func mouseIsOnUnlessTheSettingsSayOtherwise() throws {
        #expect(try parser.parse("[settings]\ntheme = \"dark\"\n").settings.mouse)
        #expect(try !parser.parse("[settings]\nmouse = false\n").settings.mouse)
        #expect(try parser.parse("[settings]\nmouse = true\n").settings.mouse)
        #expect(throws: ConfigError.self) { try parser.parse("[settings]\nmouse = \"no\"\n") }
    }
}
