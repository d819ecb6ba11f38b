import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `tokenman simulate` as a person runs it: start it, read the banner, walk requests over HTTP.
@Suite("tokenman simulate")
struct SimulateCommandTests {
    @Test func servesAllFourProvidersOnTheAnnouncedPort() async throws {
        let server = try RunningSimulator(arguments: ["--port", "0", "--access-ttl", "120", "--refresh-ttl", "600"])
        defer { server.terminate() }
        let base = "http://127.0.0.1:\(server.port)"
        #expect(server.banner.contains("\(base)/exabits/api/v1/"))
        #expect(server.banner.contains("newbie / temp-pass-5"))

        let byte = try await postJSON("\(base)/bytefederal/auth", #"{"user_name":"demo","password":"demo-pass-1"}"#)
        #expect(byte.status == 200)
        #expect(byte.json["token_type"] as? String == "bearer")
        let access = try #require(byte.json["access_token"] as? String)
        let claims = try jwtClaims(access)
        let iat = try #require(claims["iat"] as? Int)
        let exp = try #require(claims["exp"] as? Int)
        #expect(exp - iat == 120)

        // md5("demo-pass-2")
        let exa = try await postJSON("\(base)/exabits/api/v1/authenticate/login",
                                     #"{"username":"demo","password":"c9d598880c6869a199f0b46d64abcf44"}"#)
        #expect(exa.status == 200)
        #expect(exa.json["status"] as? Bool == true)

        let star = try await postJSON("\(base)/starship/auth/login", #"{"username":"demo","password":"nope"}"#)
        #expect(star.status == 401)
        #expect(star.json["error"] as? String == "unauthorized")

        let wiki = try await postJSON("\(base)/wikimedia/v1/login", #"{"username":"newbie","password":"temp-pass-5"}"#)
        #expect(wiki.status == 200)
        #expect(wiki.json["challenge_name"] as? String == "NEW_PASSWORD_REQUIRED")
        #expect(wiki.json["access_token"] == nil)
    }

    @Test func stopsCleanlyOnSigterm() throws {
        let server = try RunningSimulator(arguments: ["--port", "0"])
        #expect(server.terminate() == 0)
    }

    @Test(arguments: [["--port", "70000"], ["--access-ttl", "0"], ["--refresh-ttl", "-5"], ["--port", "abc"]])
    func rejectsBadFlags(_ arguments: [String]) throws {
        let result = try runToCompletion(try BuiltProducts.tokenman(), ["simulate"] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains("Error:"))
        #expect(result.stdout.isEmpty)
    }

    private func postJSON(_ url: String, _ body: String) async throws -> (status: Int, json: [String: Any]) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return (status, json)
    }

    private func jwtClaims(_ token: String) throws -> [String: Any] {
        let parts = token.split(separator: ".")
        try #require(parts.count == 3)
        var payload = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while payload.count % 4 != 0 { payload += "=" }
        let data = try #require(Data(base64Encoded: payload))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// `tokenman simulate` running as a child process, with its banner read from stdout.
private final class RunningSimulator {
    let process = Process()
    let port: Int
    let banner: String

    init(arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.tokenman())
        process.arguments = ["simulate"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(10)
        while !text.contains("Ctrl-C"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        banner = text
        guard let range = text.range(of: #"listening on 127\.0\.0\.1:(\d+)"#, options: .regularExpression),
              let port = Int(text[range].split(separator: ":").last ?? "") else {
            process.terminate()
            throw TmuxSession.Failure(description: "no port in simulator banner: \(text)")
        }
        self.port = port
    }

    @discardableResult
    func terminate() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Runs a program to completion, capturing stdout and stderr.
func runToCompletion(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
