import Foundation

/// Tokens of the query language, with the character offset each starts at.
enum QueryToken: Equatable {
    case lparen, rparen, or, minus
    /// `field:value` (field nil for a bare word or phrase). `valuePos` is where the value starts.
    case term(field: String?, value: String, quoted: Bool, valuePos: Int)
}

struct QueryParser {
    static let fields = [
        "is", "status", "net", "platform", "network", "from", "author", "assignee", "assigned", "lang", "language",
        "tag", "age", "since", "after", "until", "before", "source", "role",
    ]

    let chars: [Character]
    let timeZone: TimeZone
    var tokens: [(QueryToken, Int)] = []
    var i = 0

    init(_ text: String, timeZone: TimeZone) {
        chars = Array(text)
        self.timeZone = timeZone
    }

    mutating func parse() throws(QueryError) -> Node {
        try lex()
        if tokens.isEmpty { return .all }
        let n = try parseOr()
        if i < tokens.count {
            let (t, pos) = tokens[i]
            if t == .rparen {
                throw QueryError(position: pos, message: L10n.t("err.query.rparen"), hint: L10n.t("err.query.noOpen"))
            }
            throw QueryError(position: pos, message: L10n.t("err.query.token"))
        }
        return n
    }

    // MARK: Lexing

    mutating func lex() throws(QueryError) {
        var p = 0
        while p < chars.count {
            let c = chars[p]
            if c.isWhitespace { p += 1; continue }
            if c == "(" { tokens.append((.lparen, p)); p += 1; continue }
            if c == ")" { tokens.append((.rparen, p)); p += 1; continue }
            if c == "|" { tokens.append((.or, p)); p += 1; continue }
            if c == "-" {
                if p + 1 >= chars.count || chars[p + 1].isWhitespace || chars[p + 1] == ")" {
                    throw QueryError(position: p, message: L10n.t("err.query.afterMinus"))
                }
                tokens.append((.minus, p))
                p += 1
                continue
            }
            if c == "\"" {
                let (s, next) = try quoted(from: p)
                tokens.append((.term(field: nil, value: s, quoted: true, valuePos: p + 1), p))
                p = next
                continue
            }
            let start = p
            while p < chars.count, !chars[p].isWhitespace, chars[p] != "(", chars[p] != ")", chars[p] != "\"" { p += 1 }
            let word = String(chars[start..<p])
            if word == "OR" { tokens.append((.or, start)); continue }
            if word == "AND" { continue }
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex,
                word[..<colon].allSatisfy({ $0.isLetter || $0 == "_" }),
                !["http", "https", "mailto"].contains(word[..<colon].lowercased())
            {
                let field = word[..<colon].lowercased()
                var value = String(word[word.index(after: colon)...])
                var valuePos = start + word.distance(from: word.startIndex, to: colon) + 1
                var quotedValue = false
                if value.isEmpty, p < chars.count, chars[p] == "\"" {
                    let (s, next) = try quoted(from: p)
                    value = s
                    valuePos = p + 1
                    quotedValue = true
                    p = next
                }
                tokens.append((.term(field: field, value: value, quoted: quotedValue, valuePos: valuePos), start))
            } else {
                tokens.append((.term(field: nil, value: word, quoted: false, valuePos: start), start))
            }
        }
    }

    /// A `"…"` string starting at `p` (the quote): its content and the index after the closing quote.
    func quoted(from p: Int) throws(QueryError) -> (String, Int) {
        var q = p + 1
        while q < chars.count, chars[q] != "\"" { q += 1 }
        guard q < chars.count else { throw QueryError(position: p, message: L10n.t("err.query.quote")) }
        return (String(chars[(p + 1)..<q]), q + 1)
    }

    // MARK: Parsing

    var atEnd: Bool { i >= tokens.count }
    func peek() -> QueryToken? { atEnd ? nil : tokens[i].0 }
    var position: Int { atEnd ? chars.count : tokens[i].1 }

    mutating func parseOr() throws(QueryError) -> Node {
        var parts = [try parseAnd()]
        while peek() == .or {
            let orPos = position
            i += 1
            if atEnd || peek() == .rparen || peek() == .or {
                throw QueryError(position: orPos, message: L10n.t("err.query.afterOr"))
            }
            parts.append(try parseAnd())
        }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    mutating func parseAnd() throws(QueryError) -> Node {
        var parts: [Node] = []
        while let t = peek(), t != .or, t != .rparen { parts.append(try parseUnary()) }
        if parts.isEmpty {
            if peek() == .or { throw QueryError(position: position, message: L10n.t("err.query.beforeOr")) }
            throw QueryError(position: position, message: peek() == .rparen ? "empty parentheses" : "expected a term")
        }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    mutating func parseUnary() throws(QueryError) -> Node {
        if peek() == .minus {
            let pos = position
            i += 1
            if atEnd || peek() == .or || peek() == .rparen {
                throw QueryError(position: pos, message: L10n.t("err.query.afterMinus"))
            }
            return .not(try parseUnary())
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws(QueryError) -> Node {
        let (t, pos) = tokens[i]
        switch t {
        case .lparen:
            i += 1
            if peek() == .rparen { throw QueryError(position: pos, message: L10n.t("err.query.emptyParens")) }
            if atEnd { throw QueryError(position: pos, message: L10n.t("err.query.unclosed")) }
            let inner = try parseOr()
            guard peek() == .rparen else { throw QueryError(position: pos, message: L10n.t("err.query.unclosed")) }
            i += 1
            return inner
        case .term(let field, let value, let quoted, let valuePos):
            i += 1
            guard let field else {
                let forms = QueryText.needles(value)
                return forms.count == 1 ? .text(forms[0]) : .or(forms.map { .text($0) })
            }
            return try compile(field: field, value: value, quoted: quoted, at: pos, valuePos: valuePos)
        case .rparen:
            throw QueryError(position: pos, message: L10n.t("err.query.rparen"), hint: L10n.t("err.query.noOpen"))
        case .or: throw QueryError(position: pos, message: L10n.t("err.query.beforeOr"))
        case .minus: throw QueryError(position: pos, message: L10n.t("err.query.afterMinus"))
        }
    }
}
