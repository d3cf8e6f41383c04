import Foundation
import SwitchboardCore

/// One fuzz target: bytes in, and either nothing (fine), a thrown `FuzzViolation` (a property that
/// must hold did not), or a crash (a trap in the code under test). The same targets run under
/// libFuzzer (`switchboard-fuzz` built with `-DFUZZING`, see Scripts/fuzz), in the regression runner
/// (`switchboard-fuzz TARGET FILES…`) and in FuzzTargetsTests over the seed corpora.
public struct FuzzTarget: Sendable {
    public var name: String
    public var summary: String
    public var run: @Sendable (Data) throws -> Void

    public init(name: String, summary: String, run: @escaping @Sendable (Data) throws -> Void) {
        (self.name, self.summary, self.run) = (name, summary, run)
    }

    /// Every target, in the order Scripts/fuzz runs them.
    public static let all: [FuzzTarget] = [
        sanitizer, feed, html, jsonl, mastodon, bluesky, query, keymap, theme, record, reddit,
    ]

    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}

/// A property a target checks did not hold.
public struct FuzzViolation: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Checks used by several targets.
public enum Invariants {
    /// The first character that must never reach a terminal or a log: C0 controls (except `\n` when
    /// `newlines`, and `\t` when `tabs`), DEL, C1 controls (including 8-bit CSI/OSC/DCS), ESC, and the bidi
    /// controls (embeddings, overrides, isolates, LRM/RLM/ALM). Nil when the text is safe.
    public static func unsafeScalar(in s: String, newlines: Bool, tabs: Bool = false) -> Unicode.Scalar? {
        for u in s.unicodeScalars {
            let v = u.value
            if v == 0x0A && newlines { continue }
            if v == 0x09 && tabs { continue }
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return u }
            if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
                || v == 0x061C
            {
                return u
            }
        }
        return nil
    }

    /// Throws when `s` (a field called `what`) holds a scalar `unsafeScalar` finds.
    public static func terminalSafe(_ s: String?, _ what: String, newlines: Bool, tabs: Bool = false) throws {
        guard let s, let u = unsafeScalar(in: s, newlines: newlines, tabs: tabs) else { return }
        throw FuzzViolation(
            "\(what) holds U+\(String(u.value, radix: 16, uppercase: true)): \(s.debugDescription.prefix(200))")
    }

    /// The text fields of a mention a person reads are terminal-safe (text and extra keep newlines;
    /// network text keeps tabs, which the screen turns into spaces).
    public static func mentionSafe(_ m: Mention, tabs: Bool = false) throws {
        try terminalSafe(m.text, "text", newlines: true, tabs: tabs)
        try terminalSafe(m.title, "title", newlines: true, tabs: tabs)
        try terminalSafe(m.author?.handle, "author.handle", newlines: false)
        try terminalSafe(m.author?.name, "author.name", newlines: false)
        try terminalSafe(m.author?.url, "author.url", newlines: false)
        try terminalSafe(m.url, "url", newlines: false)
        try terminalSafe(m.lang, "lang", newlines: false)
        try terminalSafe(m.id, "id", newlines: false)
        try terminalSafe(m.inReplyTo, "in_reply_to", newlines: false)
        try terminalSafe(m.threadRoot, "thread_root", newlines: false)
        try terminalSafe(m.reply?.uri, "reply.uri", newlines: false)
        try terminalSafe(m.reply?.cid, "reply.cid", newlines: false)
        try terminalSafe(m.reply?.rootURI, "reply.root_uri", newlines: false)
        try terminalSafe(m.reply?.rootCID, "reply.root_cid", newlines: false)
        try terminalSafe(m.reply?.visibility, "reply.visibility", newlines: false)
    }

    /// Bytes as a String the way the app reads text files and network bodies (invalid UTF-8 repaired).
    public static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }
}
