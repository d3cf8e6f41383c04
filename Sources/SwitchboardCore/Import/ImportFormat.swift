import Foundation
import TextSafety

/// The JSON Lines import format: one JSON object per line, one mention per object.
///
/// Required: `platform` (a lowercase word: `mastodon`, `bluesky`, `rss`, `reddit`, `x`, …), `id` (string or
/// number), `text`, `created_at` (ISO 8601). Optional: `url`, `author` {`handle`, `name`, `url`, `followers`},
/// `lang`, `in_reply_to`, `thread_root`, `source`, `title`, `extra` (an object, kept as is).
/// Any other field is kept in `extra` rather than rejected. Switchboard's own stored fields are accepted too,
/// so an export imports again: `fetched_at` and `reply` are read, `v`, `key` and `analysis` are recomputed.
/// A line that is not a JSON object, lacks a required field or has one of the wrong type is rejected
/// with a reason (`LineError.description`). Text fields lose control characters and terminal escape sequences
/// (newlines stay).
public enum ImportFormat {
    /// The fields the format reads (or recomputes); any other goes to `extra`. A line's fields are kept in a slot
    /// each (`Field.rawValue`) rather than a dictionary: hashing every key of 100k lines was a tenth of decoding.
    enum Field: Int, CaseIterable {
        case platform, id, text, createdAt, url, author, lang, inReplyTo, threadRoot, source, title, extra, fetchedAt
        case reply, v, key, analysis

        init?(key: String) {
            switch key {
            case "platform": self = .platform
            case "id": self = .id
            case "text": self = .text
            case "created_at": self = .createdAt
            case "url": self = .url
            case "author": self = .author
            case "lang": self = .lang
            case "in_reply_to": self = .inReplyTo
            case "thread_root": self = .threadRoot
            case "source": self = .source
            case "title": self = .title
            case "extra": self = .extra
            case "fetched_at": self = .fetchedAt
            case "reply": self = .reply
            case "v": self = .v
            case "key": self = .key
            case "analysis": self = .analysis
            default: return nil
            }
        }
    }

    /// A line's known fields by `Field` (the last of a repeated key wins, as in a dictionary).
    struct Fields {
        var values = [JSONValue?](repeating: nil, count: Field.allCases.count)
        subscript(_ f: Field) -> JSONValue? {
            get { values[f.rawValue] }
            set { values[f.rawValue] = newValue }
        }
    }

    /// Decodes one line (without its newline).
    public static func decode(line: String, now: Date = Date()) -> Result<Mention, LineError> {
        decode(bytes: Data(line.utf8), now: now)
    }

    public static func decode(bytes: Data, now: Date = Date()) -> Result<Mention, LineError> {
        bytes.withUnsafeBytes { raw in decode(raw.bindMemory(to: UInt8.self), now: now) }
    }

    static func decode(_ buf: UnsafeBufferPointer<UInt8>, now: Date) -> Result<Mention, LineError> {
        var scanner = ImportScanner(buf)
        let parsed: [(key: String, value: JSONValue, raw: String?)]?
        do { parsed = try scanner.topLevelObject() } catch { return .failure(LineError("not JSON")) }
        guard let pairs = parsed else { return .failure(LineError("not a JSON object")) }
        var f = Fields()
        var idRaw: String?
        var extra: [String: JSONValue] = [:]
        for p in pairs {
            if let field = Field(key: p.key) {
                f[field] = p.value
                if field == .id { idRaw = p.raw }
            } else { extra[p.key] = cleanValue(p.value) }
        }
        guard let platformValue = f[.platform] else { return missing("platform") }
        guard case .string(let platform) = platformValue, isPlatformWord(platform) else {
            return .failure(LineError("\"platform\" must be a lowercase word like \"mastodon\""))
        }
        guard let idValue = f[.id] else { return missing("id") }
        let id: String
        switch idValue {
        case .string(let s) where !clean(s, newlines: false).isEmpty: id = clean(s, newlines: false)
        case .number: id = idRaw ?? ""
        default: return .failure(LineError("\"id\" must be a non-empty string or a number"))
        }
        guard let textValue = f[.text] else { return missing("text") }
        guard case .string(let text) = textValue else { return .failure(LineError("\"text\" must be a string")) }
        guard let createdValue = f[.createdAt] else { return missing("created_at") }
        guard case .string(let createdString) = createdValue, let created = Timestamp.parse(createdString) else {
            return .failure(LineError("\"created_at\" must be an ISO 8601 date like 2026-11-27T09:30:00Z"))
        }
        var m = Mention(
            platform: platform, id: id, text: clean(text, newlines: true), createdAt: created,
            fetchedAt: now)
        m.url = string(f[.url])
        m.lang = string(f[.lang])
        m.inReplyTo = string(f[.inReplyTo])
        m.threadRoot = string(f[.threadRoot])
        m.source = string(f[.source])
        m.title = string(f[.title])
        if let s = string(f[.fetchedAt]), let d = Timestamp.parse(s) { m.fetchedAt = d }
        switch f[.author] {
        case .object(let a)?:
            guard let handle = string(a["handle"]) ?? string(a["name"]) else {
                return .failure(LineError("\"author\" needs a \"handle\" (or a \"name\")"))
            }
            m.author = Author(
                handle: Author.normalized(handle: handle), name: string(a["name"]), url: string(a["url"]),
                followers: a["followers"]?.intValue)
        case .string(let s)? where !clean(s, newlines: false).isEmpty:
            m.author = Author(handle: Author.normalized(handle: clean(s, newlines: false)))
        case nil, .null?: break
        default:
            return .failure(LineError("\"author\" must be an object with \"handle\", \"name\", \"url\", \"followers\""))
        }
        if case .object(let r)? = f[.reply] {
            m.reply = ReplyRef(
                uri: string(r["uri"]), cid: string(r["cid"]), rootURI: string(r["root_uri"]),
                rootCID: string(r["root_cid"]), visibility: string(r["visibility"]))
        }
        switch f[.extra] {
        case .object(let e)?: for (k, v) in e { extra[k] = cleanValue(v) }
        case nil, .null?: break
        default: return .failure(LineError("\"extra\" must be an object"))
        }
        if !extra.isEmpty { m.extra = extra }
        return .success(m)
    }

    /// Decodes a whole file or stream; blank lines are skipped; `line` numbers are 1-based.
    public static func decodeAll(
        _ data: Data,
        now: Date = Date()
    ) -> (mentions: [Mention], rejects: [(line: Int, reason: String)]) {
        decode(lines: LineSplitter.split(data), firstLine: 1, now: now)
    }

    /// Decodes a block of lines whose first is line `firstLine` (1-based) of the stream; a byte-order mark is
    /// skipped on the stream's first line.
    public static func decode(
        lines: [LogLine], firstLine: Int, now: Date = Date()
    ) -> (mentions: [Mention], rejects: [(line: Int, reason: String)]) {
        var mentions: [Mention] = []
        var rejects: [(line: Int, reason: String)] = []
        mentions.reserveCapacity(lines.count)
        for l in lines where !l.isBlank {
            var bytes = l.bytes
            if firstLine + l.number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            let r = bytes.withUnsafeBufferPointer { decode($0, now: now) }
            switch r {
            case .success(let m): mentions.append(m)
            case .failure(let e): rejects.append((line: firstLine + l.number, reason: e.description))
            }
        }
        return (mentions, rejects)
    }

    static func missing(_ field: String) -> Result<Mention, LineError> {
        .failure(LineError("missing required field \"\(field)\""))
    }

    static func isPlatformWord(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 32 else { return false }
        return s.utf8.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E
        }
    }

    static func string(_ v: JSONValue?) -> String? {
        switch v {
        case .string(let s)?:
            let c = clean(s, newlines: false)
            return c.isEmpty ? nil : c
        case .number(let d)?:
            return d.rounded() == d && abs(d) < 9e15 ? String(Int64(d)) : String(d)
        default: return nil
        }
    }

    static func cleanValue(_ v: JSONValue) -> JSONValue {
        switch v {
        case .string(let s): return .string(clean(s, newlines: true))
        case .array(let a): return .array(a.map(cleanValue))
        case .object(let o): return .object(o.mapValues(cleanValue))
        default: return v
        }
    }

    /// TextSafety's one sanitiser: controls (NEL too), escape sequences, bidi and invisible format characters
    /// removed; line breaks become "\n" (`newlines`) or one space each; tabs become spaces.
    public static func clean(_ s: String, newlines: Bool) -> String {
        SafeText.clean(s, newlines: newlines ? .keep : .space, nelBreaksLines: false)
    }
}
