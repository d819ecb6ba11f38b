import Foundation
import ProviderSimulator
import Testing

@Suite struct HTTPServerTests {
    @Test func baseURLsCarryEachProvidersPrefix() throws {
        let fixture = try SimulatorFixture()
        #expect(fixture.port != 0)
        #expect(fixture.simulator.port == fixture.port)
        let root = "http://127.0.0.1:\(fixture.port)"
        #expect(fixture.simulator.baseURL(for: .byteConnect) == root + "/bytefederal")
        #expect(fixture.simulator.baseURL(for: .exabits) == root + "/exabits/api/v1/")
        #expect(fixture.simulator.baseURL(for: .starship) == root + "/starship")
        #expect(fixture.simulator.baseURL(for: .wikimedia) == root + "/wikimedia")
    }

    @Test func unknownPathsAre404JSON() throws {
        let fixture = try SimulatorFixture()
        let outside = try LoopbackClient.send(port: fixture.port, method: "GET", path: "/nowhere")
        #expect(outside.status == 404)
        #expect(outside.headers["content-type"] == "application/json")
        #expect(outside.string("message") != nil)
        let inside = try fixture.post(.wikimedia, "/v2/login", "{}")
        #expect(inside.status == 404)
        #expect(inside.int("status") == 404)
        #expect(try fixture.get(.starship, "/auth/nothing").string("error") == "not_found")
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let fixture = try SimulatorFixture()
        let response = try fixture.get(.starship, "/auth/login")
        #expect(response.status == 405)
        #expect(response.headers["allow"] == "POST")
        #expect(try fixture.send(.exabits, "DELETE", "api-tokens").headers["allow"] == "GET, POST")
    }

    @Test func nonJSONBodiesAre400OrWikimedia422() throws {
        let fixture = try SimulatorFixture()
        #expect(try fixture.post(.byteConnect, "/auth", "<xml/>").status == 400)
        let exabits = try fixture.post(.exabits, "authenticate/login", "{not json")
        #expect(exabits.status == 400)
        #expect(exabits.keys == ["message"])
        #expect(try fixture.post(.starship, "/auth/login", "[1,2]").status == 400)
        let wikimedia = try fixture.post(.wikimedia, "/v1/login", "hello")
        #expect(wikimedia.status == 422)
        #expect(wikimedia.int("status") == 422)
    }

    @Test func bodiesOverOneMebibyteAre413() throws {
        let fixture = try SimulatorFixture()
        let response = try LoopbackClient.send(
            port: fixture.port, method: "POST", path: "/starship/auth/login",
            headers: ["Content-Type": "application/json"], body: nil, declaredLength: (1 << 20) + 1
        )
        #expect(response.status == 413)
        // Exactly 1 MiB is read and answered normally.
        var big = Data(#"{"username":"demo","password":"demo-pass-3","pad":""#.utf8)
        big.append(Data(repeating: UInt8(ascii: "a"), count: (1 << 20) - big.count - 2))
        big.append(Data(#""}"#.utf8))
        #expect(big.count == 1 << 20)
        let accepted = try LoopbackClient.send(port: fixture.port, method: "POST", path: "/starship/auth/login", body: big)
        #expect(accepted.status == 200)
    }

    @Test func headerNamesAreCaseInsensitive() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.starship, "/auth/login", #"{"username":"demo","password":"demo-pass-3"}"#)
        let token = login.string("access_token") ?? ""
        let request = "GET /starship/api/balance HTTP/1.1\r\nhost: x\r\nAUTHORIZATION: bearer \(token)\r\n\r\n"
        let response = try LoopbackClient.exchange(port: fixture.port, request: Data(request.utf8))
        #expect(response.status == 200)
        let body = #"{"username":"demo","password":"demo-pass-3"}"#
        let lower = "POST /starship/auth/login HTTP/1.1\r\nhost: x\r\ncontent-length: \(body.utf8.count)\r\n\r\n\(body)"
        #expect(try LoopbackClient.exchange(port: fixture.port, request: Data(lower.utf8)).status == 200)
    }

    @Test func keepAliveRequestsAreAnsweredThenClosed() throws {
        let fixture = try SimulatorFixture()
        // The client reads until EOF: returning at all proves the server closed the connection.
        let response = try fixture.post(.starship, "/auth/login", #"{"username":"demo","password":"demo-pass-3"}"#, headers: ["Connection": "keep-alive"])
        #expect(response.status == 200)
        #expect(response.headers["connection"] == "close")
        #expect(response.headers["content-length"] == String(response.body.count))
    }

    @Test func expect100ContinueIsHonoured() throws {
        let fixture = try SimulatorFixture()
        let body = Data(#"{"username":"demo","password":"demo-pass-3"}"#.utf8)
        let head = "POST /starship/auth/login HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: \(body.count)\r\n\r\n"
        let fd = try LoopbackClient.connectSocket(port: fixture.port)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = Data(head.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        #expect(count > 0)
        #expect(String(decoding: buffer[..<max(0, count)], as: UTF8.self) == "HTTP/1.1 100 Continue\r\n\r\n")
        _ = body.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var rest = Data()
        while true {
            let read = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if read <= 0 { break }
            rest.append(contentsOf: buffer[..<read])
        }
        #expect(try LoopbackClient.parse(rest).status == 200)
    }

    @Test func stopClosesTheListenerPromptly() throws {
        let simulator = ProviderSimulator(configuration: SimulatorConfiguration(output: { _ in }))
        let port = try simulator.start()
        #expect(try LoopbackClient.send(port: port, method: "GET", path: "/starship/api/balance").status == 401)
        // `stop` returns (no time bound: a loaded CI machine is slow) with the listener closed.
        simulator.stop()
        #expect(simulator.port == nil)
        #expect(throws: LoopbackError.connectFailed) {
            try LoopbackClient.send(port: port, method: "GET", path: "/starship/api/balance")
        }
    }

    @Test func concurrentRequestsAreAllAnswered() async throws {
        let fixture = try SimulatorFixture()
        let port = fixture.port
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<24 {
                group.addTask {
                    let body = index.isMultiple(of: 2)
                        ? #"{"username":"demo","password":"demo-pass-3"}"#
                        : #"{"username":"demo","password":"demo-pass-1"}"#
                    let path = index.isMultiple(of: 2) ? "/starship/auth/login" : "/bytefederal/auth"
                    return try LoopbackClient.send(port: port, method: "POST", path: path, body: Data(body.utf8)).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 24))
    }

    @Test func tokensOfOneInstanceAreWorthlessOnAnother() throws {
        let first = try SimulatorFixture()
        let second = try SimulatorFixture()
        let login = try first.post(.starship, "/auth/login", #"{"username":"demo","password":"demo-pass-3"}"#)
        let bearer = ["Authorization": "Bearer \(login.string("access_token") ?? "")"]
        #expect(try first.get(.starship, "/api/balance", headers: bearer).status == 200)
        #expect(try second.get(.starship, "/api/balance", headers: bearer).status == 401)
    }

    @Test func tokensAreHS256JWTsWithTheDocumentedClaims() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.starship, "/auth/login", #"{"username":"demo","password":"demo-pass-3"}"#)
        let token = try #require(login.string("access_token"))
        let header = String(token.split(separator: ".")[0])
        var base64 = header.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        let headerJSON = try #require(Data(base64Encoded: base64))
        #expect((try JSONSerialization.jsonObject(with: headerJSON) as? [String: Any])?["alg"] as? String == "HS256")
        let claims = try #require(jwtClaims(token))
        #expect(Set(claims.keys) == ["exp", "iat", "iss", "jti", "sub", "token_use"])
        #expect((claims["iat"] as? NSNumber)?.intValue == 1_700_000_000)
        // A forged token (payload edited, signature kept) is refused.
        let parts = token.split(separator: ".")
        let forged = [parts[0], parts[1].dropLast(2) + "xy", parts[2]].joined(separator: ".")
        #expect(try fixture.get(.starship, "/api/balance", headers: ["Authorization": "Bearer \(forged)"]).status == 401)
    }
}
