/// Turns the bytes a terminal sends into `TerminalEvent`s: keys (CSI/SS3 cursor keys, Home/End variants,
/// `ESC [ n ~` keys, F-keys, back-tab, Alt as an ESC prefix, Ctrl letters, DEL/BS, UTF-8 characters),
/// bracketed paste (`ESC [200~ … ESC [201~`, one `.paste` event, sanitised, newlines kept) and SGR/X10 mouse.
///
/// Feed bytes as they arrive; an incomplete sequence waits for the next `feed`. A lone ESC is ambiguous
/// (Esc key or the start of a sequence): call `flush()` when no byte followed within the escape delay.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    private var paste: [UInt8]? = nil

    public init() {}

    /// True while bytes wait for the rest of a sequence (or the end of a paste).
    public var hasPending: Bool { !pending.isEmpty || paste != nil }

    /// Decodes every complete event in `bytes` (plus what was pending).
    public mutating func feed<S: Sequence>(_ bytes: S) -> [TerminalEvent] where S.Element == UInt8 {
        pending.append(contentsOf: bytes)
        var events: [TerminalEvent] = []
        var i = 0
        while i < pending.count {
            if paste != nil {
                guard let end = find(KeyTables.pasteEnd, in: pending, from: i) else {
                    // Keep a possible partial end marker pending.
                    let keep = min(pending.count - i, KeyTables.pasteEnd.count - 1)
                    paste!.append(contentsOf: pending[i..<(pending.count - keep)])
                    i = pending.count - keep
                    break
                }
                paste!.append(contentsOf: pending[i..<end])
                events.append(.paste(Sanitizer.text(String(decoding: paste!, as: UTF8.self))))
                paste = nil
                i = end + KeyTables.pasteEnd.count
                continue
            }
            switch decodeOne(pending, at: i) {
            case .incomplete:
                pending.removeFirst(i)
                return events
            case .event(let e, let next):
                if let e { events.append(e) }
                i = next
            case .pasteStart(let next):
                paste = []
                i = next
            }
        }
        pending.removeFirst(min(i, pending.count))
        return events
    }

    /// The escape delay passed: a pending lone ESC is the Esc key; other incomplete input decodes as
    /// far as it can (Esc, then the bytes as keys). An open paste stays open.
    public mutating func flush() -> [TerminalEvent] {
        guard paste == nil, !pending.isEmpty else { return [] }
        var rest = pending
        pending = []
        var events: [TerminalEvent] = []
        if rest.first == 0x1B { events.append(.key(.escape)); rest.removeFirst() }
        events += feed(rest)
        if !pending.isEmpty, paste == nil {
            // A still-incomplete tail (a truncated UTF-8 character or sequence): drop it.
            pending = []
        }
        return events
    }

    /// Decodes `bytes` completely (as if the escape delay passed at the end): for tests and one-shot input.
    public static func decode<S: Sequence>(_ bytes: S) -> [TerminalEvent] where S.Element == UInt8 {
        var d = KeyDecoder()
        return d.feed(bytes) + d.flush()
    }

    public static func decode(_ s: String) -> [TerminalEvent] { decode(Array(s.utf8)) }

    // MARK: - One event

    enum Step {
        case incomplete
        case event(TerminalEvent?, Int)
        case pasteStart(Int)
    }

    func decodeOne(_ b: [UInt8], at i: Int) -> Step {
        let c = b[i]
        if c == 0x1B { return decodeEscape(b, at: i) }
        if c < 0x20 || c == 0x7F { return .event(KeyTables.control(c).map { .key($0) }, i + 1) }
        if c < 0x80 && (i + 1 == b.count || b[i + 1] < 0x80) {
            return .event(.key(.char(Character(Unicode.Scalar(c)))), i + 1)
        }
        return decodeUTF8(b, at: i)
    }

    /// A UTF-8 character plus any following combining scalars that arrived with it.
    func decodeUTF8(_ b: [UInt8], at i: Int) -> Step {
        guard let (s, next) = scalar(b, at: i) else { return .incomplete }
        guard let s else { return .event(nil, next) }  // invalid byte: skip it
        var text = String.UnicodeScalarView([s])
        var j = next
        // Attach following zero-width scalars (combining marks, ZWJ sequences, variation selectors).
        while j < b.count, b[j] >= 0x80, let (t, n) = scalar(b, at: j), let t {
            var probe = text
            probe.append(t)
            if String(probe).count > 1 { break }
            text = probe
            j = n
        }
        let str = String(text)
        guard let ch = str.first, !ScreenBuffer.isUnsafe(ch) else { return .event(nil, j) }
        return .event(.key(.char(ch)), j)
    }

    /// The scalar at `i`: nil when incomplete, `.some(nil)` for an invalid byte.
    func scalar(_ b: [UInt8], at i: Int) -> (Unicode.Scalar?, Int)? {
        let c = b[i]
        if c < 0x80 { return (Unicode.Scalar(c), i + 1) }
        let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0
        if len == 0 || c >= 0xF8 { return (nil, i + 1) }
        if i + len > b.count { return nil }
        var v = UInt32(c) & (0xFF >> (len + 1))
        for k in 1..<len {
            let d = b[i + k]
            guard d & 0xC0 == 0x80 else { return (nil, i + 1) }
            v = v << 6 | UInt32(d & 0x3F)
        }
        return (Unicode.Scalar(v), i + len)
    }

    func decodeEscape(_ b: [UInt8], at i: Int) -> Step {
        guard i + 1 < b.count else { return .incomplete }
        let c = b[i + 1]
        switch c {
        case UInt8(ascii: "["): return decodeCSI(b, at: i + 2)
        case UInt8(ascii: "O"):
            guard i + 2 < b.count else { return .incomplete }
            if let k = KeyTables.ss3[b[i + 2]] { return .event(.key(k), i + 3) }
            return .event(.key(.alt("O")), i + 2)
        case 0x1B:
            return .event(.key(.escape), i + 1)
        case 0x7F, 0x08:
            return .event(.key(.alt("\u{7F}")), i + 2)  // Alt-Backspace
        case 0x20..<0x7F:
            return .event(.key(.alt(Character(Unicode.Scalar(c)))), i + 2)
        case 0x80...:
            // Alt plus a non-ASCII character.
            switch decodeUTF8(b, at: i + 1) {
            case .event(.some(.key(.char(let ch))), let next): return .event(.key(.alt(ch)), next)
            case .incomplete: return .incomplete
            default: return .event(.key(.escape), i + 1)
            }
        default:
            return .event(.key(.escape), i + 1)
        }
    }

    /// `j` points after `ESC [`.
    func decodeCSI(_ b: [UInt8], at j: Int) -> Step {
        guard j < b.count else { return .incomplete }
        if b[j] == UInt8(ascii: "[") {
            guard j + 1 < b.count else { return .incomplete }
            return .event(KeyTables.linuxFunction[b[j + 1]].map { .key($0) }, j + 2)
        }
        if b[j] == UInt8(ascii: "M") {
            // X10 mouse: ESC [ M b x y, each + 32.
            guard j + 3 < b.count else { return .incomplete }
            return .event(mouse(Int(b[j + 1]) - 32, Int(b[j + 2]) - 33, Int(b[j + 3]) - 33, release: false), j + 4)
        }
        var k = j
        while k < b.count, (0x20...0x3F).contains(b[k]) { k += 1 }
        guard k < b.count else { return .incomplete }
        let final = b[k]
        let next = k + 1
        guard (0x40...0x7E).contains(final) else { return .event(nil, k) }  // broken: drop what we read
        let params = b[j..<k]
        if params.first == UInt8(ascii: "<") {
            let nums = numbers(params.dropFirst())
            guard nums.count == 3, final == UInt8(ascii: "M") || final == UInt8(ascii: "m") else {
                return .event(nil, next)
            }
            return .event(mouse(nums[0], nums[1] - 1, nums[2] - 1, release: final == UInt8(ascii: "m")), next)
        }
        let nums = numbers(params)
        if final == UInt8(ascii: "~") {
            guard let n = nums.first else { return .event(nil, next) }
            if n == 200 { return .pasteStart(next) }
            return .event(KeyTables.tilde[n].map { .key($0) }, next)
        }
        return .event(KeyTables.csiFinal[final].map { .key($0) }, next)
    }

    func mouse(_ button: Int, _ x: Int, _ y: Int, release: Bool) -> TerminalEvent? {
        guard x >= 0, y >= 0 else { return nil }
        if button & 64 != 0 { return .mouse(MouseEvent(kind: button & 1 == 0 ? .wheelUp : .wheelDown, x: x, y: y)) }
        if button & 32 != 0 { return nil }  // motion
        if release || button & 3 == 3 { return .mouse(MouseEvent(kind: .release, x: x, y: y)) }
        return .mouse(MouseEvent(kind: .press, x: x, y: y))
    }

    func numbers(_ p: ArraySlice<UInt8>) -> [Int] {
        p.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { part in
            part.reduce(0) { acc, d in (0x30...0x39).contains(d) ? min(acc * 10 + Int(d - 0x30), 1_000_000) : acc }
        }
    }

    func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard hay.count - from >= needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
