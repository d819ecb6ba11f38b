import FoundationEssentials

/// One Cognito operation on the wire: `POST {endpoint}` with the operation in `X-Amz-Target` and
/// an `application/x-amz-json-1.1` body. Public app clients need no SigV4 signature.
struct CognitoCall {
    let endpoint: URL
    let transport: any HTTPTransport
    let clock: any WallClock

    /// The answer's JSON object (an empty body reads as `{}`: GlobalSignOut and RevokeToken
    /// answer with nothing) and when it arrived (the instant `ExpiresIn` counts from).
    struct Answer {
        let payload: JSONValue
        let receivedAt: Date
    }

    /// - Parameter secrets: what the body carries that must never reach a message.
    func send(_ operation: String, _ members: [(key: String, value: JSONValue)], step: FlowStep, secrets: [String]) async throws(AuthError) -> Answer {
        let headers = [
            HTTPHeader("Content-Type", "application/x-amz-json-1.1"),
            HTTPHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.\(operation)"),
            HTTPHeader("Accept", "application/json"),
        ]
        let body = Data(JSONValue.object(members).serialized.utf8)
        let request = HTTPRequest(method: "POST", url: endpoint, headers: headers, body: body)
        let response = try await transport.send(request)
        let receivedAt = clock.now()
        guard response.isSuccess else {
            throw CognitoErrorMapper(secrets: secrets).error(for: response, step: step, now: receivedAt)
        }
        if response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Answer(payload: .object([]), receivedAt: receivedAt)
        }
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(response.body)
        } catch {
            throw AuthError.unexpectedResponse(ResponseReader.describeNonJSON(response))
        }
        guard case .object = parsed else { throw AuthError.unexpectedResponse("the answer is not a JSON object") }
        return Answer(payload: parsed, receivedAt: receivedAt)
    }

    /// `{endpoint}/`: Cognito is served at the root of its endpoint; a `base_url` with a path
    /// (a local simulator) keeps it.
    static func endpointURL(_ base: String) throws(AuthError) -> URL {
        let trimmed = try EndpointURL.make(base: base, path: "")
        guard let url = URL(string: trimmed.absoluteString + "/") else {
            throw AuthError.unsupported("The Cognito endpoint \"\(base)\" is not a valid http(s) URL.")
        }
        return url
    }
}
