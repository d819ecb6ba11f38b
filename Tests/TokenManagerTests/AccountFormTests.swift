import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

@Suite("Account form")
struct AccountFormTests {
    @Test func addValidatesThenAsksToSave() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("a"))
        guard case .accountForm(let empty) = model.screen else { Issue.record("no form"); return }
        #expect(empty.form.value(of: "provider") == "byteconnect")
        // → cycles the provider picker.
        _ = Fixture.keys(&model, .right)
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "shop")  // taken
        #expect(Fixture.keys(&model, .enter, .enter, .enter, .enter).isEmpty)
        guard case .accountForm(let invalid) = model.screen else { Issue.record("left the form"); return }
        #expect(invalid.form.fields.first { $0.id == "name" }?.validationMessage == "Another account is called shop")
        #expect(invalid.form.fields.first { $0.id == "username" }?.validationMessage == "Username is required")
        // Validation focused the first invalid field, the name.
        #expect(invalid.form.focusedField?.id == "name")
        _ = Fixture.keys(&model, .control("u"))
        Fixture.type(&model, "gpu2")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "dave")
        // The password source is a choice; "environment variable" brings its own field.
        _ = Fixture.keys(&model, .tab, .tab, .right, .tab)
        Fixture.type(&model, "GPU_PW")
        let commands = Fixture.keys(&model, .enter)
        #expect(commands == [.saveAccount(AccountDraft(name: "gpu2", providerID: "exabits", username: "dave", baseURL: nil, mode: .password(.environment("GPU_PW"))), replacing: nil, requestID: 1)])
        let saved = TokenmanConfig(accounts: model.accounts + [AccountConfig(name: "gpu2", providerID: "exabits", username: "dave")])
        _ = AppUpdate.update(&model, .configSaved(requestID: 1, .success(ConfigSaved(config: saved))))
        #expect(model.screen == .accounts)
        #expect(model.selectedAccount?.name == "gpu2")
    }

    @Test func deleteAsksFirst() {
        var model = Fixture.model()
        #expect(Fixture.keys(&model, .character("d")).isEmpty)
        guard case .confirm(let request) = model.overlay else { Issue.record("no dialog"); return }
        #expect(request.action == .deleteAccount(account: "gpu"))
        #expect(Fixture.keys(&model, .character("y")) == [.deleteAccount(name: "gpu", requestID: 1)])
    }
}
