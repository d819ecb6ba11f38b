/// One labelled input of a form.
public struct FormField: Hashable, Sendable {
    /// A stable identifier the app uses to read values and attach validation messages.
    public var id: String
    public var label: String
    public var input: TextFieldState
    public var placeholder: String
    /// Shown under the field in the danger role; cleared when the user edits the field.
    public var validationMessage: String?
    /// The choices of a choice field (empty for a text field). A choice field's value is the
    /// chosen option's id; Left/Right/Space cycle through the options, typing does nothing.
    public var options: [FormOption]

    public init(id: String, label: String, text: String = "", masked: Bool = false, placeholder: String = "") {
        self.id = id
        self.label = label
        self.input = TextFieldState(text, masked: masked)
        self.placeholder = placeholder
        self.validationMessage = nil
        self.options = []
    }

    /// A choice field showing `options`, with the option `selected` (an id) chosen, else the first.
    public init(id: String, label: String, options: [FormOption], selected: String? = nil) {
        let chosen = options.first { $0.id == selected } ?? options.first
        self.init(id: id, label: label, text: chosen?.id ?? "")
        self.options = options
    }

    public var value: String { input.text }
    public var isChoice: Bool { !options.isEmpty }

    /// The chosen option of a choice field.
    public var chosenOption: FormOption? { options.first { $0.id == input.text } }

    /// Moves a choice field to the next (or previous) option, wrapping.
    mutating func cycleChoice(by step: Int) {
        guard !options.isEmpty else { return }
        let current = options.firstIndex { $0.id == input.text } ?? 0
        let next = ((current + step) % options.count + options.count) % options.count
        input = TextFieldState(options[next].id)
    }
}

/// One choice of a choice field: the id the app reads, and the words shown.
public struct FormOption: Hashable, Sendable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// What a key did to a form, for the app's `update` to act on.
public enum FormAction: Hashable, Sendable {
    /// The key was not for the form (the app may use it).
    case ignored
    /// Text changed in the focused field.
    case edited
    /// Focus moved to another field, or a masked field was revealed/hidden.
    case navigated
    /// Enter on the last field (or on any field with `enterSubmitsFromAnyField`): validate
    /// and start the request.
    case submit
    /// Esc: leave the form (or cancel the running request, while submitting).
    case cancel
}

/// A form's whole state as a value: fields, focus, per-field validation messages, the
/// server's error for the form as a whole, and whether a request is running.
///
/// ```swift
/// case .key(let key):
///     switch model.login.handle(key) {
///     case .submit:
///         guard model.login.validate({ $0.value.isEmpty ? "\($0.label) is required" : nil }) else { return [] }
///         model.login.isSubmitting = true
///         return [.run { .loginFinished(await engine.login(...)) }]
///     case .cancel: model.screen = .accounts
///     default: break
///     }
/// ```
public struct FormState: Hashable, Sendable {
    public var title: String
    public var fields: [FormField]
    public private(set) var focusIndex: Int
    /// An error for the whole form, e.g. the server's "Incorrect username or password".
    public var formError: String?
    /// While true, fields are read-only, the footer shows a spinner and "submitting…",
    /// and only Esc (cancel) is handled.
    public var isSubmitting: Bool
    /// Enter submits from every field instead of moving to the next one.
    public var enterSubmitsFromAnyField: Bool
    /// The verb on the submit hint, e.g. "log in", "change password".
    public var submitLabel: String

    public init(title: String, fields: [FormField], submitLabel: String = "submit", enterSubmitsFromAnyField: Bool = false) {
        self.title = title
        self.fields = fields
        self.focusIndex = 0
        self.formError = nil
        self.isSubmitting = false
        self.enterSubmitsFromAnyField = enterSubmitsFromAnyField
        self.submitLabel = submitLabel
    }

    public var focusedField: FormField? { fields.indices.contains(focusIndex) ? fields[focusIndex] : nil }

    /// The value of the field with `id` ("" if there is none).
    public func value(of id: String) -> String {
        fields.first { $0.id == id }?.value ?? ""
    }

    public mutating func focus(id: String) {
        if let index = fields.firstIndex(where: { $0.id == id }) { focusIndex = index }
    }

    public mutating func focusNext() {
        guard !fields.isEmpty else { return }
        focusIndex = (focusIndex + 1) % fields.count
    }

    public mutating func focusPrevious() {
        guard !fields.isEmpty else { return }
        focusIndex = (focusIndex - 1 + fields.count) % fields.count
    }

    public mutating func setValidationMessage(_ message: String?, for id: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].validationMessage = message
    }

    /// Runs `rule` on every field, storing each message; focuses the first invalid field.
    /// - Returns: true when every field is valid.
    @discardableResult
    public mutating func validate(_ rule: (FormField) -> String?) -> Bool {
        var firstInvalid: Int?
        for index in fields.indices {
            let message = rule(fields[index])
            fields[index].validationMessage = message
            if message != nil && firstInvalid == nil { firstInvalid = index }
        }
        if let firstInvalid { focusIndex = firstInvalid }
        return firstInvalid == nil
    }

    /// Applies a key: Tab/↓ and Shift-Tab/↑ move focus (wrapping), Enter moves on or
    /// submits, Esc cancels, Ctrl-R reveals or hides a masked field, ←/→/Space change a
    /// choice field, other keys edit the focused text field.
    @discardableResult
    public mutating func handle(_ key: Key) -> FormAction {
        if isSubmitting { return key == .escape ? .cancel : .ignored }
        if focusedField?.isChoice == true, key == .left || key == .right || key == .character(" ") {
            fields[focusIndex].cycleChoice(by: key == .left ? -1 : 1)
            fields[focusIndex].validationMessage = nil
            formError = nil
            return .edited
        }
        switch key {
        case .tab, .down:
            focusNext()
            return .navigated
        case .backTab, .up:
            focusPrevious()
            return .navigated
        case .enter:
            if enterSubmitsFromAnyField || focusIndex >= fields.count - 1 { return .submit }
            focusNext()
            return .navigated
        case .escape:
            return .cancel
        case .control("r"):
            guard fields.indices.contains(focusIndex), fields[focusIndex].input.isMasked else { return .ignored }
            fields[focusIndex].input.toggleReveal()
            return .navigated
        default:
            guard fields.indices.contains(focusIndex), !fields[focusIndex].isChoice else { return .ignored }
            guard fields[focusIndex].input.handle(key) else { return .ignored }
            fields[focusIndex].validationMessage = nil
            formError = nil
            return .edited
        }
    }
}
