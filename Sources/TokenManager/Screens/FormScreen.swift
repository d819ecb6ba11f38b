import AuthEngine
import FoundationEssentials
import TerminalUI

/// A screen that is a form sending one request at a time (log in, new password, forgot and
/// change password, add/edit account). Its update changes only the screen's own state and
/// says what it wants in a `FormOutcome`; `FormRouting` does the rest, the same for all.
protocol FormScreen: Equatable, Sendable {
    /// The account the request is for.
    var account: String { get }
    var form: FormState { get set }
    /// The request in flight; a reply with another id is for a form the user left.
    var requestID: Int? { get set }
    /// What the account's row shows while the request runs (nil: its row is left alone).
    static var operation: AccountActivity.Operation? { get }
    /// A new attempt clears the account's last error (a login starts over).
    static var clearsLastError: Bool { get }
    var asScreen: Screen { get }
    static func from(_ screen: Screen) -> Self?

    mutating func update(key: Key, context: FormContext) -> FormOutcome
    /// The lines above the fields (what the form is for, what happens next).
    func intro(model: AppModel, now: Date) -> [(String, Role)]
}

/// What a form's update may read besides its own state.
struct FormContext: Equatable, Sendable {
    var now: Date
    /// The id the request gets if the form submits one.
    var nextRequestID: Int
    var accountNames: Set<String> = []
}

/// What a form's update asks of the app.
enum FormOutcome: Equatable, Sendable {
    case stay
    case cancel
    /// Send `command` (its request id is the context's `nextRequestID`).
    case submit(AppCommand)
}

/// How the app gets a form's reply: the form is still shown and the request succeeded,
/// failed (the message is in the form), or the form was left meanwhile.
enum FormReply<Screen: FormScreen> {
    case succeeded(Screen)
    case failedInForm
    case formLeft
}

extension FormScreen {
    static var clearsLastError: Bool { false }

    /// Draws the form in its frame.
    func render(model: AppModel, now: Date, into canvas: inout Canvas, in rect: Rect) {
        FormFrame.render(form, context: intro(model: model, now: now), now: now, into: &canvas, in: rect)
    }

    /// Where each field is drawn in `rect` (the screen body), as `render` draws it.
    func layout(model: AppModel, now: Date, in rect: Rect) -> FormLayout {
        FormFrame.layout(form, context: intro(model: model, now: now), in: rect)
    }

    /// Marks the form busy with the request `context.nextRequestID` and asks for `command`.
    mutating func submit(_ command: AppCommand, context: FormContext) -> FormOutcome {
        requestID = context.nextRequestID
        form.isSubmitting = true
        form.formError = nil
        return .submit(command)
    }
}

/// The part every form screen shares: routing keys to the screen's own update, starting and
/// cancelling requests, and applying replies to the form that sent them.
enum FormRouting {
    static func update<S: FormScreen>(_ model: inout AppModel, _ screen: S, key: Key) -> [AppCommand] {
        var screen = screen
        let context = FormContext(now: model.now, nextRequestID: model.lastRequestID + 1, accountNames: Set(model.accounts.map(\.name)))
        switch screen.update(key: key, context: context) {
        case .stay:
            model.screen = screen.asScreen
            return []
        case .cancel:
            // The request keeps running (the engine stores what it gets), but its reply no
            // longer drives this form.
            if screen.requestID != nil, S.operation != nil { model.updateActivity(of: screen.account) { $0.operation = nil } }
            model.leaveForm()
            return []
        case .submit(let command):
            _ = model.makeRequestID()
            if let operation = S.operation {
                model.updateActivity(of: screen.account) {
                    $0.operation = operation
                    if S.clearsLastError { $0.lastError = nil }
                }
            }
            model.screen = screen.asScreen
            return [command]
        }
    }

    /// Ends request `requestID` of `account`: the row's operation is over; a failure goes
    /// into the form that sent it, or becomes the account's last error when the form was
    /// left (for forms that mark the row).
    static func finish<S: FormScreen>(_: S.Type, _ model: inout AppModel, account: String, requestID: Int, failure: String?) -> FormReply<S> {
        if S.operation != nil { model.updateActivity(of: account) { $0.operation = nil } }
        guard var screen = S.from(model.screen), screen.requestID == requestID else {
            if let failure, S.operation != nil { model.updateActivity(of: account) { $0.lastError = failure } }
            return .formLeft
        }
        screen.requestID = nil
        screen.form.isSubmitting = false
        guard let failure else { return .succeeded(screen) }
        screen.form.formError = failure
        model.screen = screen.asScreen
        return .failedInForm
    }
}
