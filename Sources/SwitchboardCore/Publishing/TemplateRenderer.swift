import Foundation

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
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                out += rest[open.lowerBound...]
                rest = ""
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let v = lookup(name) {
                out += v
            } else {
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
            if let n = ctx.author?.name?.split(whereSeparator: { $0.isWhitespace }).first, !n.isEmpty {
                return String(n)
            }
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
