/// A small JSON reader that remembers where every value and key starts (line and column, 1-based),
/// so errors in human-edited files (the keymap) can name the exact place.
struct PositionedJSON {
    struct Position: Hashable, Sendable, CustomStringConvertible {
        var line: Int
        var column: Int
        var description: String { "line \(line), column \(column)" }
    }
    indirect enum Value {
        case object([(key: String, keyAt: Position, value: PositionedJSON)])
        case array([PositionedJSON])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }
    struct SyntaxError: Error {
        var at: Position
        var message: String
    }

    var value: Value
    var at: Position

    static func parse(_ bytes: [UInt8]) throws -> PositionedJSON {
        var p = Parser(b: bytes)
        p.skipSpace()
        let v = try p.value()
        p.skipSpace()
        if p.i < bytes.count { throw SyntaxError(at: p.pos, message: "unexpected text after the document") }
        return v
    }

    private struct Parser {
        let b: [UInt8]
        var i = 0
        var line = 1
        var col = 1
        var pos: Position { Position(line: line, column: col) }

        mutating func advance() {
            if b[i] == 10 {
                line += 1
                col = 1
            } else if b[i] & 0xC0 != 0x80 {
                col += 1
            }
            i += 1
        }
        mutating func skipSpace() {
            while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { advance() }
        }
        func fail(_ m: String) -> SyntaxError { SyntaxError(at: pos, message: m) }

        /// The elements of an object or array after its opening bracket, separated by commas, up to `close`.
        mutating func elements(close: Unicode.Scalar, _ element: (inout Parser) throws -> Void) throws {
            let end = UInt8(ascii: close)
            advance()
            skipSpace()
            if i < b.count, b[i] == end { advance(); return }
            while true {
                skipSpace()
                try element(&self)
                skipSpace()
                guard i < b.count else { throw fail("unexpected end of file: missing '\(close)'") }
                if b[i] == UInt8(ascii: ",") { advance(); continue }
                if b[i] == end { advance(); return }
                throw fail("expected ',' or '\(close)'")
            }
        }

        mutating func value() throws -> PositionedJSON {
            guard i < b.count else { throw fail("unexpected end of file") }
            let start = pos
            switch b[i] {
            case UInt8(ascii: "{"):
                var members: [(key: String, keyAt: Position, value: PositionedJSON)] = []
                try elements(close: "}") {
                    guard $0.i < $0.b.count, $0.b[$0.i] == UInt8(ascii: "\"") else {
                        throw $0.fail("expected a quoted key")
                    }
                    let kp = $0.pos
                    let k = try $0.string()
                    $0.skipSpace()
                    guard $0.i < $0.b.count, $0.b[$0.i] == UInt8(ascii: ":") else {
                        throw $0.fail("expected ':' after the key")
                    }
                    $0.advance()
                    $0.skipSpace()
                    members.append((k, kp, try $0.value()))
                }
                return PositionedJSON(value: .object(members), at: start)
            case UInt8(ascii: "["):
                var items: [PositionedJSON] = []
                try elements(close: "]") { items.append(try $0.value()) }
                return PositionedJSON(value: .array(items), at: start)
            case UInt8(ascii: "\""):
                return PositionedJSON(value: .string(try string()), at: start)
            case UInt8(ascii: "t"):
                try literal("true")
                return PositionedJSON(value: .bool(true), at: start)
            case UInt8(ascii: "f"):
                try literal("false")
                return PositionedJSON(value: .bool(false), at: start)
            case UInt8(ascii: "n"):
                try literal("null")
                return PositionedJSON(value: .null, at: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                var s = ""
                while i < b.count, let c = Optional(b[i]),
                    (c >= 48 && c <= 57) || c == 45 || c == 43 || c == 46 || c == 101 || c == 69
                {
                    s.append(Character(Unicode.Scalar(c)))
                    advance()
                }
                guard let d = Double(s) else { throw SyntaxError(at: start, message: "not a number: \(s)") }
                return PositionedJSON(value: .number(d), at: start)
            default:
                throw fail("unexpected character")
            }
        }

        mutating func literal(_ w: String) throws {
            for c in w.utf8 {
                guard i < b.count, b[i] == c else { throw fail("expected \(w)") }
                advance()
            }
        }

        mutating func string() throws -> String {
            advance()  // opening quote
            var out = [UInt8]()
            while true {
                guard i < b.count else { throw fail("unterminated string") }
                let c = b[i]
                if c == UInt8(ascii: "\"") { advance(); break }
                if c < 0x20 { throw fail("control character in a string") }
                if c == UInt8(ascii: "\\") {
                    advance()
                    guard i < b.count else { throw fail("unterminated string") }
                    let e = b[i]
                    advance()
                    switch e {
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "b"): out.append(8)
                    case UInt8(ascii: "f"): out.append(12)
                    case UInt8(ascii: "u"):
                        var v: UInt32 = 0
                        for _ in 0..<4 {
                            guard i < b.count, let h = hex(b[i]) else { throw fail("bad \\u escape") }
                            v = v * 16 + h
                            advance()
                        }
                        out.append(contentsOf: Array(String(Unicode.Scalar(v).map(Character.init) ?? "\u{FFFD}").utf8))
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    default: throw fail("bad escape")
                    }
                    continue
                }
                out.append(c)
                advance()
            }
            return String(decoding: out, as: UTF8.self)
        }

        func hex(_ c: UInt8) -> UInt32? {
            switch c {
            case 48...57: return UInt32(c - 48)
            case 97...102: return UInt32(c - 87)
            case 65...70: return UInt32(c - 55)
            default: return nil
            }
        }
    }
}
