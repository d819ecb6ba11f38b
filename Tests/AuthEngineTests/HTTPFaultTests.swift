import AuthEngine
import Foundation
import ProviderSimulator
import Testing

/// Broken servers and the transport's limits, over real loopback HTTP.
@Suite struct HTTPFaultTests {
    @Test func serverErrorKeepsTheProvidersShortMessage() async throws {
        let harness = try SimulatorHarness()
        harness.simulator.setFault(.serverError(status: 500), for: .starship, times: 1)
        let error = await authError { try await harness.client(.starship).login(username: "demo", password: "demo-pass-3") }
        #expect(error == .serverError(status: 500, message: "Something went wrong. Please try again later."))
        // The fault was for one request only.
        _ = try await harness.login(.starship, "demo", "demo-pass-3")
    }

    @Test func serverErrorOnEveryProviderShape() async throws {
        let harness = try SimulatorHarness()
        for provider in [SimulatedProvider.byteConnect, .exabits, .wikimedia] {
            harness.simulator.setFault(.serverError(status: 503), for: provider)
            let error = await authError { try await harness.client(provider).login(username: "demo", password: "x") }
            #expect(error == .serverError(status: 503, message: "Service Unavailable"), "\(provider)")
        }
    }

    @Test func malformedJSONIsAnUnexpectedResponse() async throws {
        let harness = try SimulatorHarness()
        harness.simulator.setFault(.malformedJSON, for: .wikimedia)
        let error = await authError { try await harness.client(.wikimedia).login(username: "demo", password: "demo-pass-4") }
        #expect(error == .unexpectedResponse("the answer is not valid JSON"))
        // The half token in the body is not echoed.
        #expect(error?.message.contains("eyJ") == false)
    }

    @Test func htmlPageIsDescribedNotQuoted() async throws {
        let harness = try SimulatorHarness()
        harness.simulator.setFault(.htmlErrorPage, for: .exabits)
        let error = await authError { try await harness.client(.exabits).login(username: "demo", password: "demo-pass-2") }
        #expect(error == .serverError(status: 502, message: "an HTML page instead of JSON (a proxy, captive portal or wrong base URL?)"))
        #expect(error?.message.contains("nginx") == false)
    }

    /// Nothing came back: a network failure (CLI exit 6), not an answer from the provider.
    @Test func droppedConnectionIsANetworkError() async throws {
        let harness = try SimulatorHarness()
        harness.simulator.setFault(.dropConnection, for: .byteConnect)
        let error = await authError { try await harness.client(.byteConnect).login(username: "demo", password: "demo-pass-1") }
        #expect(error == .unreachable("the connection to 127.0.0.1 was dropped before the answer was complete"))
    }

    @Test func latencyBeyondTheTimeoutIsATimeout() async throws {
        // The answer would come after 3 s and succeed: a .timeout can only be the 0.5 s limit.
        // (No upper bound on the elapsed time: a loaded CI machine may be slow to wake us.)
        let harness = try SimulatorHarness { $0.latency[.starship] = 5 }
        let client = harness.client(.starship, options: CurlTransport.Options(timeout: 0.5, connectTimeout: 0.5))
        let error = await authError { try await client.login(username: "demo", password: "demo-pass-3") }
        #expect(error == .timeout)
    }

    @Test func bodiesOverTheCapAreRefused() async throws {
        let harness = try SimulatorHarness()
        // A login answer holds two JWTs: far more than 64 bytes.
        let client = harness.client(.starship, options: CurlTransport.Options(maxBodyBytes: 64))
        let error = await authError { try await client.login(username: "demo", password: "demo-pass-3") }
        #expect(error == .unexpectedResponse("the answer is larger than 64 bytes"))
    }

    @Test func plainHTTPToARemoteHostIsRefusedBeforeAnyRequest() async throws {
        let client = AuthClient(provider: .wikimedia, baseURL: "http://auth.enterprise.wikimedia.com",
                                transport: CurlTransport(options: .init(timeout: 1, connectTimeout: 1)))
        let error = await authError { try await client.login(username: "demo", password: "secret-pass") }
        #expect(error == .insecureTransport("auth.enterprise.wikimedia.com"))
        #expect(error?.message.contains("secret-pass") == false)
    }

    @Test func cancellingTheTaskCancelsTheTransfer() async throws {
        // The answer would take 30 s; a cancelled transfer ends within about a second of the
        // cancel (libcurl's progress callback). The bound is far from both.
        let harness = try SimulatorHarness { $0.latency[.wikimedia] = 30 }
        let client = harness.client(.wikimedia, options: CurlTransport.Options(timeout: 60))
        let started = ContinuousClock.now
        let task = Task { try await client.login(username: "demo", password: "demo-pass-4") }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.result
        #expect(throws: AuthError.cancelled) { try result.get() }
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    /// Blocking transfers run on their own threads: eight slow requests overlap even though the
    /// cooperative pool has only as many threads as cores. On two pool threads they would take
    /// at least 40 s (four rounds of 10 s); overlapped, about 10 s. The bound leaves 25 s for
    /// the pool to be busy with the other suites that run beside this one: with 5-s requests
    /// and a 13-s bound, a full `swift test` on 2 cores missed it (pool busy ~10 s).
    @Test func slowRequestsDoNotBlockTheCooperativePool() async throws {
        let harness = try SimulatorHarness { $0.latency[.starship] = 10 }
        let client = harness.client(.starship, options: CurlTransport.Options(timeout: 60, connectTimeout: 5))
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { _ = try await client.login(username: "demo", password: "demo-pass-3") }
            }
            try await group.waitForAll()
        }
        #expect(ContinuousClock.now - started < .seconds(35))
    }
}
