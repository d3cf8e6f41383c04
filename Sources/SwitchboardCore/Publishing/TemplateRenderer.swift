import Foundation

/// What a template's placeholders are filled with.
public struct TemplateContext: Sendable, Equatable {
    public var author: Author?
    /// The team member replying (their `signature`, else `name`, fills `{{agent}}`).
    public var agent: TeamConfig.Member?
    /// The mention's key (`{{ticket}}` is `SB-` and its first 6 characters, upper-cased).
    public var mentionKey: String

    public init(author: Author?, agent: TeamConfig.Member?, mentionKey: String) {
        self.author = author; self.agent = agent; self.mentionKey = mentionKey
    }

    public init(mention: Mention, agent: TeamConfig.Member?) { self.init(author: mention.author, agent: agent, mentionKey: mention.key) }

    public static func ticket(_ key: String) -> String { "SB-" + key.prefix(6).uppercased() }
}

/// A template filled in: the text, and the placeholders it did not know (left in place, e.g. `{{order}}`).
public struct RenderedTemplate: Sendable, Equatable {
    public var text: String
    public var unknown: [String]
}

public enum TemplateRenderer {
    public static let known = ["author", "first_name", "agent", "ticket"]

    /// Fills `{{author}}` (`@handle`), `{{first_name}}` (first word of the author's name, else `@handle`), `{{agent}}`
    /// and `{{ticket}}`; spaces inside the braces are allowed (`{{ agent }}`). Unknown placeholders stay as written.
    public static func render(_ text: String, _ ctx: TemplateContext) -> RenderedTemplate {
        fill(text) { value($0.lowercased(), ctx) }
    }

    /// Replaces every `{{name}}` that `lookup` knows (spaces inside the braces allowed); unknown ones stay as written.
    public static func fill(_ text: String, _ lookup: (String) -> String?) -> RenderedTemplate {
        var out = ""
        var unknown: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { out += rest[open.lowerBound...]; rest = ""; break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let v = lookup(name) { out += v } else {
                out += rest[open.lowerBound..<close.upperBound]
                if !unknown.contains(name) { unknown.append(name) }
            }
            rest = rest[close.upperBound...]
        }
        out += rest
        return RenderedTemplate(text: out, unknown: unknown)
    }

    static func value(_ name: String, _ ctx: TemplateContext) -> String? {
        let handle = ctx.author.map { h in h.handle.hasPrefix("@") ? h.handle : "@" + h.handle }
        switch name {
        case "author": return handle ?? ""
        case "first_name":
            if let n = ctx.author?.name?.split(whereSeparator: { $0.isWhitespace }).first, !n.isEmpty { return String(n) }
            return handle ?? ""
        case "agent":
            guard let a = ctx.agent else { return nil }
            if let s = a.signature, !s.isEmpty { return s }
            return a.name
        case "ticket": return TemplateContext.ticket(ctx.mentionKey)
        default: return nil
        }
    }

    /// `text` with the member's signature appended (after a space) unless it already contains it.
    public static func withSignature(_ text: String, member: TeamConfig.Member?) -> String {
        guard let sig = member?.signature?.trimmingCharacters(in: .whitespaces), !sig.isEmpty else { return text }
        if text.contains(sig) { return text }
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? sig : t + " " + sig
    }
}

/// The templates of a data directory (`templates/*.json`), with the files that did not load.
public struct TemplateLibrary: Sendable {
    public var templates: [ReplyTemplate]
    /// One message per file that could not be read (file and line/column or field).
    public var problems: [String]

    public init(templates: [ReplyTemplate], problems: [String] = []) { self.templates = templates; self.problems = problems }

    public static func load(_ dir: DataDirectory) -> TemplateLibrary {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.templatesDir.path)) ?? []).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        var out: [ReplyTemplate] = []
        var problems: [String] = []
        for n in names {
            do { out.append(try FileIO.readDocument(ReplyTemplate.self, from: dir.templatesDir.appendingPathComponent(n))) }
            catch { problems.append("templates/\(n): " + "\(error)".replacingOccurrences(of: dir.templatesDir.appendingPathComponent(n).path + ": ", with: "")) }
        }
        return TemplateLibrary(templates: out.sorted { $0.name < $1.name }, problems: problems)
    }

    public func named(_ name: String) -> ReplyTemplate? {
        templates.first { $0.name == name } ?? templates.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Templates ranked by fuzzy match of `query` against name (weighted most), description and text.
    public func search(_ query: String, limit: Int = 50) -> [ReplyTemplate] {
        let q = query.trimmingCharacters(in: .whitespaces)
        if q.isEmpty { return Array(templates.prefix(limit)) }
        var scored: [(ReplyTemplate, Int)] = []
        for t in templates {
            let s = [FuzzyMatch.score(q, in: t.name).map { $0 * 3 }, FuzzyMatch.score(q, in: t.description ?? "").map { $0 * 2 },
                     FuzzyMatch.score(q, in: t.text)].compactMap { $0 }.max()
            if let s { scored.append((t, s)) }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }.prefix(limit).map(\.0)
    }
}

/// fzf-style subsequence scoring: every query character must appear in order (case-insensitive); matches at word
/// starts and consecutive runs score more, gaps cost a little. Nil when the query is not a subsequence.
public enum FuzzyMatch {
    public static func score(_ query: String, in text: String) -> Int? {
        let q = Array(query.lowercased().filter { !$0.isWhitespace })
        let t = Array(text.lowercased())
        guard !q.isEmpty else { return 0 }
        guard q.count <= t.count else { return nil }
        // Try each start of the first character; keep the best greedy run from there.
        var best: Int?
        var start = 0
        var tries = 0
        while start < t.count, tries < 64 {
            guard let s = t[start...].firstIndex(of: q[0]) else { break }
            tries += 1
            var score = 0, qi = 0, ti = s, prev = -2
            while qi < q.count, ti < t.count {
                if t[ti] == q[qi] {
                    score += 16
                    if ti == prev + 1 { score += 15 }
                    if ti == 0 || !(t[ti - 1].isLetter || t[ti - 1].isNumber) { score += 10 }
                    if prev >= 0 { score -= min(ti - prev - 1, 10) }
                    prev = ti; qi += 1
                }
                ti += 1
            }
            if qi == q.count { best = max(best ?? Int.min, score - min(s, 15)) }
            start = s + 1
        }
        return best
    }
}
