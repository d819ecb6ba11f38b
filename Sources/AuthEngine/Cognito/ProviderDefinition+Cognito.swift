extension ProviderDefinition {
    /// AWS Cognito user pools over their JSON API. The flows are `CognitoClient`'s; the endpoints
    /// below only say which flows exist (what `tokenman providers`, the forms and the CLI check),
    /// since every Cognito operation is a POST to the one endpoint with its name in `X-Amz-Target`.
    /// The default base URL depends on the account's `region` (`CognitoAccountSettings`).
    public static let cognito = ProviderDefinition(
        id: "cognito",
        displayName: "AWS Cognito",
        defaultBaseURL: "https://cognito-idp.{region}.amazonaws.com/",
        endpoints: ProviderEndpoints(
            login: Endpoint(path: "InitiateAuth"),
            refresh: Endpoint(path: "InitiateAuth"),
            logout: Endpoint(path: "GlobalSignOut"),
            revoke: Endpoint(path: "RevokeToken"),
            newPasswordChallenge: Endpoint(path: "RespondToAuthChallenge"),
            forgotPassword: Endpoint(path: "ForgotPassword"),
            forgotPasswordConfirm: Endpoint(path: "ConfirmForgotPassword"),
            changePassword: Endpoint(path: "ChangePassword")
        ),
        responseFields: ResponseFieldNames(
            accessToken: "AccessToken", refreshToken: "RefreshToken", idToken: "IdToken", expiresIn: "ExpiresIn", challengeName: "ChallengeName", session: "Session"),
        errorFormat: ErrorBodyFormat(messageKey: "message", codeKey: "__type"),
        // Cognito's defaults: access and id tokens 1 h, refresh tokens 30 days, challenge session 3 min.
        lifetimes: DocumentedLifetimes(access: 3600, refresh: 30 * 86_400, challengeSession: 180),
        refreshRotation: .keepsRefreshToken,
        tokenCarriage: .bearer,
        api: .cognito,
        shortName: "Cognito"
    )
}
