import FoundationEssentials

/// The endpoints of one provider. `path` is the request path with the provider prefix removed.
protocol ProviderRoutes: Sendable {
    var provider: SimulatedProvider { get }
    func respond(to request: HTTPRequest, path: String) -> HTTPResponse
}

extension ProviderRoutes {
    /// Runs `handler` when the method is allowed, else answers 405 with `Allow`.
    func allow(_ methods: [String], _ request: HTTPRequest, _ handler: (HTTPRequest) -> HTTPResponse) -> HTTPResponse {
        guard methods.contains(request.method) else {
            return provider.errorResponse(405, code: "method_not_allowed", message: "Method \(request.method) is not allowed here.")
                .adding(header: "Allow", methods.joined(separator: ", "))
        }
        return handler(request)
    }

    func notFound(_ path: String) -> HTTPResponse {
        provider.errorResponse(404, code: "not_found", message: "No such endpoint: \(provider.pathPrefix)\(path)")
    }

    /// The JSON body, or the provider's answer to a body that is not a JSON object
    /// (400 everywhere, 422 at Wikimedia whose validation failures are all 422).
    func jsonBody(_ request: HTTPRequest) -> Result<JSONObject, ResponseError> {
        if let object = request.jsonObject() { return .success(object) }
        let status = provider == .wikimedia ? 422 : 400
        return .failure(ResponseError(provider.errorResponse(status, code: "invalid_json", message: "The request body must be a JSON object.")))
    }
}

/// An error answer carried through `Result`.
struct ResponseError: Error {
    let response: HTTPResponse

    init(_ response: HTTPResponse) {
        self.response = response
    }
}

extension SimulatedProvider {
    /// An error answer shaped like this provider's own:
    /// ByteConnect and Starship `{"error","message"}`, Exabits `{"message"}`,
    /// Wikimedia `{"status","message"}`, Cognito `{"__type","message"}`.
    func errorResponse(_ status: Int, code: String, message: String) -> HTTPResponse {
        switch self {
        case .byteConnect, .starship:
            .json(status, ["error": .string(code), "message": .string(message)])
        case .exabits:
            .json(status, ["message": .string(message)])
        case .wikimedia:
            .json(status, ["status": .int(status), "message": .string(message)])
        case .cognito:
            .json(status, ["__type": .string(code), "message": .string(message)])
        }
    }
}
