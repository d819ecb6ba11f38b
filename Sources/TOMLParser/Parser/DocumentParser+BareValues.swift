/// Unquoted values: booleans, integers, floats and date-times.
///
/// The token is first cut out of the line (everything up to a delimiter), then classified,
/// so `12abc` is reported as one invalid number rather than `12` followed by garbage.
extension DocumentParser {
    mutating func parseBareValue() throws(TOMLError) -> TOMLValue {
        let start = scanner.mark
        scanTokenBytes()
        // `1979-05-27 07:32:00`: a date and a time may be separated by a single space.
        if DateTimeText.isFullDate(scanner.bytes[start.offset..<scanner.offset]),
           scanner.current == ASCII.space,
           let first = scanner.peek(1), ASCII.isDigit(first),
           let second = scanner.peek(2), ASCII.isDigit(second),
           scanner.peek(3) == ASCII.colon {
            scanner.advance()
            scanTokenBytes()
        }
        let token = scanner.bytes[start.offset..<scanner.offset]
        var text: String { scanner.text(from: start.offset, to: scanner.offset) }

        if token.elementsEqual("true".utf8) { return .boolean(true) }
        if token.elementsEqual("false".utf8) { return .boolean(false) }
        if DateTimeText.looksLikeDateTime(token) {
            if let problem = DateTimeText.problem(in: token) {
                throw scanner.error("invalid date-time \"\(text)\": \(problem)", at: start)
            }
            return .dateTime(text)
        }
        switch NumberText.parse(token) {
        case .success(let value):
            return value
        case .failure(let problem):
            if let first = token.first, ASCII.isLetter(first) {
                if text.lowercased() == "true" || text.lowercased() == "false" {
                    throw scanner.error("invalid value '\(text)' (booleans are lowercase: true, false)", at: start)
                }
                throw scanner.error("invalid value '\(text)' (strings must be quoted: \"\(text)\")", at: start)
            }
            throw scanner.error("invalid number \"\(text)\": \(problem.reason)", at: start)
        }
    }

    /// Letters, digits and `_ + - . :` — every byte a number, boolean or date-time can contain.
    private mutating func scanTokenBytes() {
        while let byte = scanner.current,
              ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == ASCII.underscore || byte == ASCII.plus
                || byte == ASCII.minus || byte == ASCII.dot || byte == ASCII.colon {
            scanner.advance()
        }
    }
}
