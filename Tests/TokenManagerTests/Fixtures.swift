import PlatformSupport
import AuthEngine
import Foundation
import TerminalUI
@testable import TokenManager

/// A small, fixed world for screen tests: three accounts, a fixed `t0`, UTC.
enum Fixture {
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    static let wikimedia = AccountConfig(name: "prod-wme", providerID: "wikimedia", username: "alice")
    static let byteConnect = AccountConfig(
        name: "shop", providerID: "byteconnect", username: "bob", mode: .password(.environment("SHOP_PW")),
        fields: ["subdomain": "acme", "affiliate_id": "77"])
    static let exabits = AccountConfig(name: "gpu", providerID: "exabits", username: "carol")

    /// prod-wme: 15 min access of a 24 h token, 90 d refresh. shop: 100 s left of 15 min.
    static func model(now: Date = t0) -> AppModel {
        var model = AppModel(accounts: [wikimedia, byteConnect, exabits], now: now)
        model.timeZone = .utc
        for (name, tokens) in storedTokens { model.setTokens(tokens, of: name) }
        model.size = Size(width: 72, height: 8)
        return model
    }

    /// A reading of a store holding `tokens`, for `model()`'s accounts.
    static func reading(_ tokens: [String: TokenSet] = storedTokens, unreadable: [String: String] = [:], names: [String]? = nil) -> AccountExpiries {
        AccountExpiries(names: names ?? [wikimedia, byteConnect, exabits].map(\.name), tokens: tokens, unreadable: unreadable)
    }

    /// The tokens `model()` holds (what its store has).
    static let storedTokens: [String: TokenSet] = [
        "prod-wme": TokenSet(
            accessToken: jwt, refreshToken: "r-prod", idToken: "i-prod",
            accessExpiresAt: t0 + 15 * 60, refreshExpiresAt: t0 + 90 * 86_400,
            accessExpirySource: .expiresIn, refreshExpirySource: .documentedLifetime,
            obtainedAt: t0 - 60),
        "shop": TokenSet(
            accessToken: "shop-access-token-0123456789abcdef", refreshToken: "shop-refresh",
            accessExpiresAt: t0 + 100, refreshExpiresAt: t0 + 15 * 86_400,
            accessExpirySource: .jwtClaim, refreshExpirySource: .documentedLifetime,
            obtainedAt: t0 - 800),
    ]

    /// Answers the token loads among `commands` from `store` (as the engine client would) and
    /// returns the other commands with those the answers gave.
    @discardableResult
    static func answerLoads(_ model: inout AppModel, _ commands: [AppCommand], store: [String: TokenSet] = storedTokens) -> [AppCommand] {
        var rest: [AppCommand] = []
        for command in commands {
            guard case .loadTokens(let account, let id) = command else { rest.append(command); continue }
            rest += answerLoads(&model, AppUpdate.update(&model, .tokensLoaded(account: account, requestID: id, .success(store[account]))), store: store)
        }
        return rest
    }

    /// {"alg":"HS256","typ":"JWT"}.{"sub":"alice","exp":1700000900}.sig
    static let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MTcwMDAwMDkwMH0.c2ln"

    /// Opens `account`'s details, its tokens read from `store`.
    static func openDetails(_ model: inout AppModel, _ account: String, store: [String: TokenSet] = storedTokens) {
        model.screen = .detail(DetailScreen(account: account))
        answerLoads(&model, AppUpdate.keepOpenTokens(&model, storeChanged: false), store: store)
    }

    /// Presses `keys`; the token loads they ask for are answered from `store`.
    static func keys(_ model: inout AppModel, store: [String: TokenSet], _ keys: Key...) -> [AppCommand] {
        keys.flatMap { answerLoads(&model, AppUpdate.update(&model, .keyPressed($0)), store: store) }
    }

    /// Presses `keys`; the token loads they ask for are answered from `storedTokens`.
    static func keys(_ model: inout AppModel, _ keys: Key...) -> [AppCommand] {
        keys.flatMap { answerLoads(&model, AppUpdate.update(&model, .keyPressed($0))) }
    }

    static func type(_ model: inout AppModel, _ text: String) {
        for character in text { _ = AppUpdate.update(&model, .keyPressed(.character(character))) }
    }

    static func render(_ model: AppModel, now: Date = t0, width: Int = 72, height: Int = 8) -> Canvas {
        AppView.render(model, now: now, size: Size(width: width, height: height))
    }
}
