import Foundation

/// How long a post is by its network's rules. The workbench's composer counter should use this too.
public enum PostLength {
    /// The network's limit: Mastodon 500 characters (servers may allow more), Bluesky 300 graphemes, a Reddit comment
    /// 10,000 characters; nil = none known.
    public static func limit(_ network: String) -> Int? {
        switch network.lowercased() {
        case "mastodon": return 500
        case "bluesky", "bsky": return 300
        case "reddit": return 10_000
        default: return nil
        }
    }

    /// The length the network counts: Mastodon counts characters (Unicode scalars) with every `http(s)://` URL as 23
    /// and `@user@domain` as `@user`; Bluesky counts graphemes; anything else counts characters.
    public static func count(_ text: String, _ network: String) -> Int {
        switch network.lowercased() {
        case "mastodon": return mastodon(text)
        default: return text.count
        }
    }

    static func mastodon(_ text: String) -> Int {
        var total = 0
        var token = String.UnicodeScalarView()
        func flush() {
            guard !token.isEmpty else { return }
            let s = String(token)
            let lower = s.lowercased()
            if let r = lower.range(of: "https://") ?? lower.range(of: "http://"), r.upperBound < lower.endIndex {
                // Text before the URL on the same token ("(see" has no space) counts; the URL is 23.
                total += s.unicodeScalars.count - lower[r.lowerBound...].unicodeScalars.count + 23
            } else if s.hasPrefix("@"), let at = s.dropFirst().firstIndex(of: "@"),
                s[s.index(after: at)...].contains(".")
            {
                total += s[..<at].unicodeScalars.count + trailingPunctuation(s[s.index(after: at)...])
            } else { total += token.count }
            token = String.UnicodeScalarView()
        }
        for u in text.unicodeScalars {
            if u.properties.isWhitespace {
                flush()
                total += 1
            } else { token.append(u) }
        }
        flush()
        return total
    }

    /// `,` `.` `!` `?` after a remote mention's domain still count.
    static func trailingPunctuation(_ domain: Substring) -> Int {
        domain.reversed().prefix { ",.!?:;)".contains($0) }.count
    }
}
