import Foundation

/// How long a post is by its network's rules. The workbench's composer counter should use this too.
public enum PostLength {
    /// The network's limit: Mastodon 500 characters (servers may allow more), Bluesky 300 graphemes, Threads 500,
    /// Instagram captions and comments 2,200, Facebook posts 63,206, YouTube and Reddit comments
    /// 10,000 characters; nil = none known.
    public static func limit(_ network: String) -> Int? {
        switch network.lowercased() {
        case "mastodon": return 500
        case "bluesky", "bsky": return 300
        case "x": return 280
        case "youtube", "reddit": return 10_000
        case "threads": return 500
        case "instagram": return 2200
        case "facebook": return 63_206
        default: return nil
        }
    }

    /// The limit of a private chat message (an answer to one): X 10,000 characters, Bluesky 1,000, Messenger 2,000,
    /// Instagram 1,000 (bytes of UTF-8 at Instagram; counted here as characters); nil = none known.
    public static func messageLimit(_ network: String) -> Int? {
        switch network.lowercased() {
        case "x": return 10_000
        case "bluesky", "bsky", "instagram": return 1000
        case "facebook": return 2000
        default: return nil
        }
    }

    /// The limit and the length of `text` as a reply on `network` to a post or message of `visibility`: a chat
    /// message's (`ThreadSplitter.isChatMessage`) counted in characters against `messageLimit`, else a post's.
    public static func measure(_ text: String, network: String, visibility: String? = nil) -> (
        used: Int, limit: Int
    )? {
        if ThreadSplitter.isChatMessage(network: network, visibility: visibility) {
            return messageLimit(network).map { (text.count, $0) }
        }
        return limit(network).map { (count(text, network.lowercased()), $0) }
    }

    /// The most hashtags a post (caption or comment) may carry: Instagram 30; nil = no limit known.
    public static func hashtagLimit(_ network: String) -> Int? {
        network.lowercased() == "instagram" ? 30 : nil
    }

    /// The hashtags in `text` (`#` then a letter or digit, at the start of a word): `#Kaffee #größe` is 2.
    public static func hashtags(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).reduce(0) { n, w in
            // `#a#b` is two tags on Instagram; `Kaffee#1` none.
            guard w.hasPrefix("#") else { return n }
            return n
                + w.split(separator: "#", omittingEmptySubsequences: false).dropFirst().filter {
                    $0.first.map { $0.isLetter || $0.isNumber } ?? false
                }.count
        }
    }

    /// The most images a post may carry (Instagram and Threads carousels: 10, Facebook multi-photo posts: 10).
    public static func mediaLimit(_ network: String) -> Int? {
        switch network.lowercased() {
        case "instagram", "threads", "facebook": return 10
        default: return nil
        }
    }

    /// The length the network counts: Mastodon counts characters (Unicode scalars) with every `http(s)://` URL as 23
    /// and `@user@domain` as `@user`; Bluesky counts graphemes; anything else counts characters.
    public static func count(_ text: String, _ network: String) -> Int {
        switch network.lowercased() {
        case "mastodon": return mastodon(text)
        case "x": return x(text)
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
            } else {
                total += token.count
            }
            token = String.UnicodeScalarView()
        }
        for u in text.unicodeScalars {
            if u.properties.isWhitespace {
                flush()
                total += 1
            } else {
                token.append(u)
            }
        }
        flush()
        return total
    }

    /// `,` `.` `!` `?` after a remote mention's domain still count.
    static func trailingPunctuation(_ domain: Substring) -> Int {
        domain.reversed().prefix { ",.!?:;)".contains($0) }.count
    }

    /// X's weighted count: an `http(s)://` URL is 23, characters of the Latin, Greek, Cyrillic and similar ranges
    /// (umlauts and ß included) 1, everything else (CJK, emoji) 2; X's limit of 280 is in these units.
    static func x(_ text: String) -> Int {
        var total = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let lower = word.lowercased()
            if let r = lower.range(of: "https://") ?? lower.range(of: "http://"), r.upperBound < lower.endIndex {
                total += weight(String(lower[..<r.lowerBound])) + 23
            } else {
                total += weight(String(word))
            }
        }
        return total + max(0, text.split(separator: " ", omittingEmptySubsequences: false).count - 1)
    }

    static func weight(_ s: String) -> Int {
        s.count
            + s.filter { ch in
                guard let v = ch.unicodeScalars.first?.value else { return false }
                return
                    !(v <= 0x10FF || (0x2000...0x200D).contains(v) || (0x2010...0x201F).contains(v)
                    || (0x2032...0x2037).contains(v))
            }.count
    }
}
