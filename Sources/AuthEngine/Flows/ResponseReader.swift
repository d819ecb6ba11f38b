import FoundationEssentials

/// Reads a successful answer: checks the status, parses JSON, unwraps the provider's envelope.
struct ResponseReader {
    let provider: ProviderDefinition
    let mapper: ProviderErrorMapper

    /// The object holding the token fields of a 2xx answer.
    func payload(of response: HTTPResponse, step: FlowStep, now: Date) throws(AuthError) -> JSONValue {
        guard response.isSuccess else { throw mapper.error(for: response, step: step, now: now) }
        let document = try parse(response)
        return try unwrap(document, step: step)
    }

    /// For flows whose success carries nothing (204, or a message): only failures matter.
    /// A JSON body is still checked for an envelope failure (Exabits answers 200 `status:false`).
    func expectSuccess(_ response: HTTPResponse, step: FlowStep, now: Date) throws(AuthError) {
        guard response.isSuccess else { throw mapper.error(for: response, step: step, now: now) }
        guard !response.body.isEmpty, let document = try? JSONParser.parse(response.body) else { return }
        _ = try unwrap(document, step: step, requireData: false)
    }

    private func parse(_ response: HTTPResponse) throws(AuthError) -> JSONValue {
        if response.body.isEmpty { throw AuthError.unexpectedResponse("the answer is empty") }
        do {
            return try JSONParser.parse(response.body)
        } catch {
            throw AuthError.unexpectedResponse(Self.describeNonJSON(response))
        }
    }

    private func unwrap(_ document: JSONValue, step: FlowStep, requireData: Bool = true) throws(AuthError) -> JSONValue {
        switch provider.envelope {
        case .none:
            guard case .object = document else { throw AuthError.unexpectedResponse("the answer is not a JSON object") }
            return document
        case .statusMessageData(let statusKey, let messageKey, let dataKey):
            guard case .object = document else { throw AuthError.unexpectedResponse("the answer is not a JSON object") }
            guard let status = document[statusKey]?.boolValue else {
                throw AuthError.unexpectedResponse("the answer has no \"\(statusKey)\" flag")
            }
            guard status else { throw mapper.envelopeFailure(message: document[messageKey], step: step) }
            guard requireData else { return document }
            guard let data = document[dataKey], case .object = data else {
                throw AuthError.unexpectedResponse("the answer has no \"\(dataKey)\" object")
            }
            return data
        }
    }

    /// Says what kind of thing came back, without quoting it.
    static func describeNonJSON(_ response: HTTPResponse) -> String {
        let contentType = response.headers["Content-Type"]?.lowercased() ?? ""
        let head = String(decoding: response.body.prefix(512), as: UTF8.self).lowercased()
        if contentType.contains("html") || head.contains("<html") || head.contains("<!doctype") {
            return "an HTML page instead of JSON (a proxy, captive portal or wrong base URL?)"
        }
        return "the answer is not valid JSON"
    }
}
