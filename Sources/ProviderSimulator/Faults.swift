import FoundationEssentials

extension SimulatedFault {
    /// What the server does instead of answering normally.
    func reply(for provider: SimulatedProvider) -> ServerReply {
        switch self {
        case .serverError(let status):
            let code = status == 503 ? "service_unavailable" : "server_error"
            let phrase = HTTPResponse.reasonPhrase(for: status)
            let shaped: HTTPResponse = switch provider {
            case .starship: .json(status, ["error": .string(phrase), "message": "Something went wrong. Please try again later."])
            default: provider.errorResponse(status, code: code, message: phrase)
            }
            return .respond(shaped)
        case .malformedJSON:
            // A body cut off mid-string, as when a server dies while streaming.
            return .respond(HTTPResponse(
                status: 200,
                headers: [("Content-Type", "application/json")],
                body: Data(#"{"access_token": "eyJhbGciOiJIUzI1NiIs"#.utf8)
            ))
        case .htmlErrorPage:
            let page = """
            <html>
            <head><title>502 Bad Gateway</title></head>
            <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>

            """
            return .respond(HTTPResponse(status: 502, headers: [("Content-Type", "text/html")], body: Data(page.utf8)))
        case .dropConnection:
            return .dropConnection
        case .answer(let status, let json):
            return .respond(HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: Data(json.utf8)))
        }
    }
}
