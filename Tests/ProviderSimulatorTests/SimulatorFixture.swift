import Foundation
import ProviderSimulator

/// A clock tests move by hand instead of sleeping.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_700_000_000)

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}

/// Captures what the simulator "emails".
final class OutputRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func record(_ line: String) {
        lock.lock()
        recorded.append(line)
        lock.unlock()
    }
}

/// One started simulator per test, on an ephemeral port, with a test clock and recorded output.
final class SimulatorFixture {
    let simulator: ProviderSimulator
    let clock = TestClock()
    let output = OutputRecorder()
    let port: UInt16

    init(_ configure: (inout SimulatorConfiguration) -> Void = { _ in }) throws {
        let clock = self.clock
        let output = self.output
        var configuration = SimulatorConfiguration(clock: { clock.now }, output: { output.record($0) })
        configure(&configuration)
        simulator = ProviderSimulator(configuration: configuration)
        port = try simulator.start()
    }

    deinit {
        simulator.stop()
    }

    /// Joins the provider's base URL path with `path` the way the provider's docs do
    /// (`{base}/auth`, `{base}authenticate/login`), and sends the request.
    func send(
        _ provider: SimulatedProvider,
        _ method: String,
        _ path: String,
        json: String? = nil,
        headers: [String: String] = [:]
    ) throws -> WireResponse {
        let prefix = "http://127.0.0.1:\(port)"
        let base = simulator.baseURL(for: provider)
        let basePath = base.hasPrefix(prefix) ? String(base.dropFirst(prefix.count)) : base
        var allHeaders = headers
        if json != nil && allHeaders["Content-Type"] == nil {
            allHeaders["Content-Type"] = "application/json"
        }
        return try LoopbackClient.send(
            port: port,
            method: method,
            path: basePath + path,
            headers: allHeaders,
            body: json.map { Data($0.utf8) }
        )
    }

    func post(_ provider: SimulatedProvider, _ path: String, _ json: String = "", headers: [String: String] = [:]) throws -> WireResponse {
        try send(provider, "POST", path, json: json, headers: headers)
    }

    func get(_ provider: SimulatedProvider, _ path: String, headers: [String: String] = [:]) throws -> WireResponse {
        try send(provider, "GET", path, headers: headers)
    }
}

/// The claims of a JWT, decoded without verification (the client's view of a token).
func jwtClaims(_ token: String?) -> [String: Any]? {
    guard let token else { return nil }
    let parts = token.split(separator: ".")
    guard parts.count == 3 else { return nil }
    var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while base64.count % 4 != 0 { base64 += "=" }
    guard let data = Data(base64Encoded: base64) else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
}

/// `exp - iat` of a JWT, in seconds.
func jwtLifetime(_ token: String?) -> Int? {
    guard let claims = jwtClaims(token),
          let exp = (claims["exp"] as? NSNumber)?.intValue,
          let iat = (claims["iat"] as? NSNumber)?.intValue
    else { return nil }
    return exp - iat
}

/// Encodes a dictionary of strings as a JSON body.
func jsonBody(_ fields: [String: String]) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
}
