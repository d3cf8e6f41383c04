import Foundation

/// The JSON Lines import format: one JSON object per line, one mention per object.
///
/// Required: `platform` (a lowercase word: `mastodon`, `bluesky`, `rss`, `reddit`, `x`, …), `id` (string or
/// number), `text`, `created_at` (ISO 8601). Optional: `url`, `author` {`handle`, `name`, `url`, `followers`},
/// `lang`, `in_reply_to`, `thread_root`, `source`, `title`, `extra` (an object, kept as is).
/// Any other field is kept in `extra` rather than rejected. Switchboard's own stored fields are accepted too,
/// so an export imports again: `fetched_at` and `reply` are read, `v`, `key` and `analysis` are recomputed.
/// A line that is not a JSON object, lacks a required field or has one of the wrong type is rejected
/// with a reason (`LineError.description`). Text fields lose control characters and terminal escape sequences (newlines stay).
public enum ImportFormat {
    static let known: Set<String> = [
        "platform", "id", "text", "created_at", "url", "author", "lang", "in_reply_to", "thread_root", "source",
        "title", "extra", "fetched_at", "reply", "v", "key", "analysis",
    ]

    /// Decodes one line (without its newline).
    public static func decode(line: String, now: Date = Date()) -> Result<Mention, LineError> {
        decode(bytes: Data(line.utf8), now: now)
    }

    public static func decode(bytes: Data, now: Date = Date()) -> Result<Mention, LineError> {
        let obj: Any
        do { obj = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) } catch {
            return .failure(LineError("not JSON"))
        }
        guard let o = obj as? [String: Any] else { return .failure(LineError("not a JSON object")) }
        guard let platformValue = o["platform"] else { return .failure(LineError("missing required field \"platform\"")) }
        guard let platform = platformValue as? String, isPlatformWord(platform) else {
            return .failure(LineError("\"platform\" must be a lowercase word like \"mastodon\""))
        }
        guard let idValue = o["id"] else { return .failure(LineError("missing required field \"id\"")) }
        let id: String
        if let s = idValue as? String, !s.isEmpty { id = clean(s, newlines: false) }
        else if let n = idValue as? NSNumber, !isBool(n) { id = n.stringValue }
        else { return .failure(LineError("\"id\" must be a non-empty string or a number")) }
        guard let textValue = o["text"] else { return .failure(LineError("missing required field \"text\"")) }
        guard let text = textValue as? String else { return .failure(LineError("\"text\" must be a string")) }
        guard let createdValue = o["created_at"] else { return .failure(LineError("missing required field \"created_at\"")) }
        guard let createdString = createdValue as? String, let created = Timestamp.parse(createdString) else {
            return .failure(LineError("\"created_at\" must be an ISO 8601 date like 2026-11-27T09:30:00Z"))
        }
        var m = Mention(platform: platform, id: id, text: clean(text, newlines: true), createdAt: created, fetchedAt: now)
        m.url = string(o["url"])
        m.lang = string(o["lang"])
        m.inReplyTo = string(o["in_reply_to"])
        m.threadRoot = string(o["thread_root"])
        m.source = string(o["source"])
        m.title = string(o["title"])
        if let f = o["fetched_at"] as? String, let d = Timestamp.parse(f) { m.fetchedAt = d }
        if let a = o["author"] {
            if let ad = a as? [String: Any] {
                guard let handle = string(ad["handle"]) ?? string(ad["name"]) else {
                    return .failure(LineError("\"author\" needs a \"handle\" (or a \"name\")"))
                }
                let followers = (ad["followers"] as? NSNumber).flatMap { isBool($0) ? nil : $0.intValue }
                m.author = Author(handle: handle, name: string(ad["name"]), url: string(ad["url"]), followers: followers)
            } else if let s = string(a) {
                m.author = Author(handle: s)
            } else if !(a is NSNull) {
                return .failure(LineError("\"author\" must be an object with \"handle\", \"name\", \"url\", \"followers\""))
            }
        }
        if let r = o["reply"] as? [String: Any] {
            m.reply = ReplyRef(uri: string(r["uri"]), cid: string(r["cid"]), rootURI: string(r["root_uri"]),
                               rootCID: string(r["root_cid"]), visibility: string(r["visibility"]))
        }
        var extra: [String: JSONValue] = [:]
        if let e = o["extra"] {
            guard let eo = e as? [String: Any] else { if !(e is NSNull) { return .failure(LineError("\"extra\" must be an object")) }; return .success(m) }
            for (k, v) in eo { extra[k] = jsonValue(v) }
        }
        for (k, v) in o where !known.contains(k) { extra[k] = jsonValue(v) }
        if !extra.isEmpty { m.extra = extra }
        return .success(m)
    }

    /// Decodes a whole file or stream; blank lines are skipped; `line` numbers are 1-based.
    /// Large inputs are decoded on all cores; the order of mentions and rejects is the input order.
    public static func decodeAll(_ data: Data, now: Date = Date()) -> (mentions: [Mention], rejects: [(line: Int, reason: String)]) {
        let lines = LineSplitter.split(data).filter { !$0.isBlank }
        let n = lines.count
        let chunks = n < 4_000_000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = (n + chunks - 1) / max(chunks, 1)
        let box = RecordDecoder.ResultBox<Mention>(count: chunks)
        let work: @Sendable (Int) -> Void = { c in
            let lo = c * size, hi = min(n, lo + size)
            var part: [Result<Mention, LineError>] = []
            part.reserveCapacity(max(0, hi - lo))
            if lo < hi {
                for i in lo..<hi {
                    var bytes = lines[i].bytes
                    if lines[i].number == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
                    part.append(decode(bytes: Data(bytes), now: now))
                }
            }
            box.set(c, part)
        }
        if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
        var mentions: [Mention] = []
        var rejects: [(line: Int, reason: String)] = []
        mentions.reserveCapacity(n)
        for (i, r) in box.joined().enumerated() {
            switch r {
            case .success(let m): mentions.append(m)
            case .failure(let e): rejects.append((line: lines[i].number + 1, reason: e.description))
            }
        }
        return (mentions, rejects)
    }

    static func isPlatformWord(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 32 else { return false }
        return s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }

    static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    static func string(_ v: Any?) -> String? {
        if let s = v as? String {
            let c = clean(s, newlines: false)
            return c.isEmpty ? nil : c
        }
        if let n = v as? NSNumber, !isBool(n) { return n.stringValue }
        return nil
    }

    static func jsonValue(_ v: Any) -> JSONValue {
        switch v {
        case is NSNull: return .null
        case let n as NSNumber: return isBool(n) ? .bool(n.boolValue) : .number(n.doubleValue)
        case let s as String: return .string(clean(s, newlines: true))
        case let a as [Any]: return .array(a.map(jsonValue))
        case let o as [String: Any]: return .object(o.mapValues(jsonValue))
        default: return .null
        }
    }

    /// Removes C0/C1 controls (keeping `\n` when asked; tabs become spaces), ESC/CSI/OSC sequences and bidi overrides.
    public static func clean(_ s: String, newlines: Bool) -> String {
        var dirty = false
        for u in s.utf8 where u < 0x20 || u == 0x7F || u == 0xC2 || u == 0xE2 { dirty = true; break }
        guard dirty else { return s }
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < u.count {
            let v = u[i].value
            i += 1
            switch v {
            case 0x0A: out.append(newlines ? u[i - 1] : " ")
            case 0x09, 0x0D: out.append(" ")
            case 0x1B, 0x9B, 0x9D, 0x90, 0x9E, 0x9F, 0x98:
                var kind = v
                if v == 0x1B {
                    guard i < u.count else { break }
                    switch u[i] { case "[": kind = 0x9B; case "]": kind = 0x9D; case "P", "X", "^", "_": kind = 0x90; default: i += 1; continue }
                    i += 1
                }
                if kind == 0x9B {
                    while i < u.count, (0x20...0x3F).contains(u[i].value) { i += 1 }
                    if i < u.count, (0x40...0x7E).contains(u[i].value) { i += 1 }
                } else {
                    while i < u.count, u[i].value != 0x07, u[i].value != 0x9C, u[i].value != 0x1B { i += 1 }
                    if i < u.count { i += u[i].value == 0x1B && i + 1 < u.count && u[i + 1] == "\\" ? 2 : 1 }
                }
            case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: continue
            default: out.append(u[i - 1])
            }
        }
        return String(out)
    }
}
