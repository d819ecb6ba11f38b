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
        model.tokens["prod-wme"] = TokenSet(
            accessToken: jwt, refreshToken: "r-prod", idToken: "i-prod",
            accessExpiresAt: t0 + 15 * 60, refreshExpiresAt: t0 + 90 * 86_400,
            accessExpirySource: .expiresIn, refreshExpirySource: .documentedLifetime,
            obtainedAt: t0 - 60)
        model.tokens["shop"] = TokenSet(
            accessToken: "shop-access-token-0123456789abcdef", refreshToken: "shop-refresh",
            accessExpiresAt: t0 + 100, refreshExpiresAt: t0 + 15 * 86_400,
            accessExpirySource: .jwtClaim, refreshExpirySource: .documentedLifetime,
            obtainedAt: t0 - 800)
        model.size = Size(width: 72, height: 8)
        return model
    }

    /// {"alg":"HS256","typ":"JWT"}.{"sub":"alice","exp":1700000900}.sig
    static let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MTcwMDAwMDkwMH0.c2ln"

    static func keys(_ model: inout AppModel, _ keys: Key...) -> [AppCommand] {
        keys.flatMap { AppUpdate.update(&model, .keyPressed($0)) }
    }

    static func type(_ model: inout AppModel, _ text: String) {
        for character in text { _ = AppUpdate.update(&model, .keyPressed(.character(character))) }
    }

    static func render(_ model: AppModel, now: Date = t0, width: Int = 72, height: Int = 8) -> Canvas {
        AppView.render(model, now: now, size: Size(width: width, height: height))
    }
}
