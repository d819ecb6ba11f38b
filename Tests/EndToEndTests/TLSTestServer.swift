import Foundation

/// A small HTTPS server on 127.0.0.1 (python3's ssl module, the same python3 the token store's
/// cross-process tests use) with the self-signed `TestCertificate`. It answers every request
/// with a Starship-shaped login answer, so `tokenman token` succeeds exactly when TLS does.
final class TLSTestServer: @unchecked Sendable {
    let port: UInt16
    let certificatePath: String
    private let process: Process

    static let script = #"""
    import http.server, os, ssl, sys
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b'{"access_token":"tls-access-token","refresh_token":"tls-refresh-token","access_expires_at":"2099-01-01T00:00:00Z","refresh_expires_at":"2099-01-01T00:00:00Z"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        def log_message(self, *args):
            pass
    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[1], sys.argv[2])
    server.socket = context.wrap_socket(server.socket, server_side=True)
    with open(sys.argv[3] + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(sys.argv[3] + ".tmp", sys.argv[3])
    server.serve_forever()
    """#

    /// Starts the server; waits (suspended, polling) for the port file it writes once listening.
    static func start(directory: String) async throws -> TLSTestServer {
        let certificatePath = directory + "/ca.pem"
        let keyPath = directory + "/key.pem"
        let scriptPath = directory + "/tls_server.py"
        let portPath = directory + "/tls.port"
        try TestCertificate.certificate.write(toFile: certificatePath, atomically: false, encoding: .utf8)
        try TestCertificate.privateKey.write(toFile: keyPath, atomically: false, encoding: .utf8)
        try script.write(toFile: scriptPath, atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath, certificatePath, keyPath, portPath]
        // Not the test process's output: a child holding it open keeps `swift test` waiting.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: portPath, encoding: .utf8), let port = UInt16(text) {
                return TLSTestServer(port: port, certificatePath: certificatePath, process: process)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(process.processIdentifier, SIGKILL)
        throw ProcessRunner.Failure(description: "the TLS test server did not start (is python3 installed?)")
    }

    private init(port: UInt16, certificatePath: String, process: Process) {
        self.port = port
        self.certificatePath = certificatePath
        self.process = process
    }

    var baseURL: String { "https://127.0.0.1:\(port)" }

    /// Stops the server and reaps it; blocking, so call it through `BlockingWork`.
    /// SIGKILL, not `terminate()`: the child inherits the test process's blocked signal mask,
    /// so a SIGTERM would never arrive.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
