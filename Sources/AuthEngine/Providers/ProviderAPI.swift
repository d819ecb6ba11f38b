/// The wire protocol of a provider's flows.
public enum ProviderAPI: String, Sendable, Equatable {
    /// One JSON endpoint per flow, described by `ProviderEndpoints` (the four built-ins, custom blocks).
    case json
    /// AWS Cognito user pools: one endpoint, the operation in `X-Amz-Target` (`CognitoClient`).
    case cognito
}
