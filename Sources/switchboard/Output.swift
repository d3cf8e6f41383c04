import Foundation
import ScreenKit
import SwitchboardCore

/// Printing for humans and scripts: aligned tables with terminal-safe text, and JSON.
enum Output {
    /// Text from the network made safe for a terminal (ScreenKit's sanitiser).
    static func safe(_ s: String, keepNewlines: Bool = false) -> String {
        keepNewlines ? Sanitizer.text(s) : Sanitizer.line(s)
    }

    static func width(_ s: String) -> Int { TextWidth.width(s) }

    /// Clips to `width` display cells without splitting a wide character, with "…" when cut.
    static func clip(_ s: String, _ width: Int) -> String { TextLayout.clip(s, width: width) }

    static func pad(_ s: String, _ width: Int) -> String {
        let w = TextWidth.width(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    /// Prints rows as aligned columns; the last column is not padded.
    static func table(_ header: [String], _ rows: [[String]]) {
        var widths = header.map(width)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], width(c)) } }
        func line(_ cols: [String]) -> String {
            cols.enumerated().map { i, c in i == cols.count - 1 ? c : pad(c, widths[i]) }.joined(separator: "  ")
        }
        print(line(header))
        for r in rows { print(line(r)) }
    }

    /// What a list command prints: the rows as JSON Lines (each as `encode` makes it) with `json`, else `empty` when
    /// there are none, else a table of `header` and each row's `cells`.
    static func listing<Row, J: Encodable>(
        _ rows: [Row], json: Bool, encode: (Row) -> J, empty: String, header: [String], cells: (Row) -> [String]
    ) throws {
        if json { return try printJSONLines(rows.map(encode)) }
        if rows.isEmpty { return print(empty) }
        table(header, rows.map(cells))
    }

    static func jsonEncoder(pretty: Bool = false) -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .switchboard
        e.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    static func printJSON<T: Encodable>(_ v: T, pretty: Bool = false) throws {
        let d = try jsonEncoder(pretty: pretty).encode(v)
        write(d + Data([10]))
    }

    /// JSON Lines: one document per item, written to stdout in one piece.
    static func printJSONLines<S: Sequence>(_ items: S) throws where S.Element: Encodable {
        let enc = jsonEncoder()
        var out = Data()
        for i in items { out += try enc.encode(i); out.append(10) }
        write(out)
    }

    /// Encodes `fields` in their order, each under its key (a nil value as null).
    static func encode<K: CodingKey>(_ fields: KeyValuePairs<K, any Encodable>, to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: K.self)
        for (k, v) in fields { try c.encode(v, forKey: k) }
    }

    /// "3m", "2h", "5d" ago (or ahead with a leading "in ").
    static func relative(_ d: Date, now: Date = Date()) -> String {
        let s = now.timeIntervalSince(d)
        let a = abs(s)
        let v: String
        if a < 60 {
            v = "\(Int(a))s"
        } else if a < 3600 {
            v = "\(Int(a / 60))m"
        } else if a < 86400 {
            v = "\(Int(a / 3600))h"
        } else {
            v = "\(Int(a / 86400))" + (L10n.language == .de ? "T" : "d")
        }
        return s >= 0 ? v : L10n.t("cli.inSpan", ["span": v])
    }

    /// A count as the language writes it: `1200` in English (as it always was), `1.200` in German.
    static func count(_ n: Int) -> String { L10n.language == .de ? LocalFormat.number(n, .de) : "\(n)" }

    /// A number by a printf format (`%+.2f`), with a decimal comma in German: `+0.25` / `+0,25`.
    static func decimal(_ format: String, _ x: Double) -> String { LocalFormat.decimal(format, x) }

    /// A moment for people: `2026-11-27T03:20:25Z` in English (as it always was), `27.11.2026 03:20 UTC` in German.
    static func stamp(_ d: Date) -> String { LocalFormat.moment(d) }

    static func warn(_ s: String) { writeStderr(L10n.t("cli.warning", ["text": s]) + "\n") }
    static func err(_ s: String) { writeStderr("\(s)\n") }
}

/// A mention as `mentions list --json` prints it: the import format plus key, state and analysis.
struct MentionJSON: Encodable {
    let m: Mention
    let state: MentionState

    struct StateJSON: Encodable {
        let status: String
        let assignee: String?
        let tags: [String]
        let notes: [Note]
        let handoffTeam: String?
        let firstResponseAt: Date?
        var handoffReplies: [HandoffReply] = []
        enum CodingKeys: String, CodingKey {
            case status, assignee, tags, notes, handoffTeam = "handoff_team", firstResponseAt = "first_response_at"
            case
                handoffReplies = "handoff_replies"
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(status, forKey: .status); try c.encode(assignee, forKey: .assignee)
            try c.encode(tags, forKey: .tags); try c.encode(notes, forKey: .notes)
            try c.encodeIfPresent(handoffTeam, forKey: .handoffTeam)
            try c.encodeIfPresent(firstResponseAt, forKey: .firstResponseAt)
            if !handoffReplies.isEmpty { try c.encode(handoffReplies, forKey: .handoffReplies) }
        }
    }

    enum Keys: String, CodingKey {
        case key, platform, id, text, url, author, lang, source, title, extra, analysis, state
        case createdAt = "created_at", fetchedAt = "fetched_at", inReplyTo = "in_reply_to"
        case threadRoot = "thread_root"
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(m.key, forKey: .key); try c.encode(m.platform, forKey: .platform)
        try c.encode(m.id, forKey: .id); try c.encode(m.text, forKey: .text)
        try c.encode(m.createdAt, forKey: .createdAt); try c.encode(m.fetchedAt, forKey: .fetchedAt)
        try c.encodeIfPresent(m.url, forKey: .url); try c.encodeIfPresent(m.author, forKey: .author)
        try c.encodeIfPresent(m.lang, forKey: .lang); try c.encodeIfPresent(m.inReplyTo, forKey: .inReplyTo)
        try c.encodeIfPresent(m.threadRoot, forKey: .threadRoot); try c.encodeIfPresent(m.source, forKey: .source)
        try c.encodeIfPresent(m.title, forKey: .title); try c.encodeIfPresent(m.extra, forKey: .extra)
        try c.encodeIfPresent(m.analysis, forKey: .analysis)
        try c.encode(
            StateJSON(
                status: state.status.rawValue, assignee: state.assignee, tags: state.tags, notes: state.notes,
                handoffTeam: state.handoffTeam, firstResponseAt: state.firstResponseAt,
                handoffReplies: state.handoffReplies), forKey: .state)
    }
}
