import Foundation

/// Splits a reply longer than its network allows into a numbered thread: parts end at sentence boundaries where
/// they can, else between words (never inside a word unless one word alone is longer than a post), each part ends
/// with its marker (` 1/3`), and every part, marker included, fits the network's limit as `PostLength` counts it
/// (Mastodon URLs as 23, Bluesky graphemes, X weighted). A line holding only `---` ends a part by hand.
public enum ThreadSplitter {
    /// A line with only this text ends a thread part where the writer wants it.
    public static let breakLine = "---"

    /// The networks where a reply can go out as a chain of replies to itself.
    public static let chainNetworks: Set<String> = ["mastodon", "bluesky", "bsky", "x"]

    /// The parts of `text` on `network`, markers included: one part (the text as it is) when it fits and has no
    /// `---` line, or on a network without reply chains (`chainNetworks`).
    public static func split(_ text: String, network: String) -> [String] {
        let network = network.lowercased()
        guard chainNetworks.contains(network), let limit = PostLength.limit(network) else { return [text] }
        let segments = manualSegments(text)
        if segments.count <= 1, PostLength.count(text, network) <= limit { return [text] }
        let units = segments.map(sentences)
        var n = max(2, segments.count)
        while n < 1000 {
            let marker = " \(n)/\(n)"
            let parts = units.flatMap { pack($0, network: network, limit: limit, marker: marker) }
            if parts.count <= n {
                return parts.enumerated().map { "\($0.element) \($0.offset + 1)/\(parts.count)" }
            }
            n = parts.count
        }
        return [text]
    }

    /// True for an answer to a private message that is a chat message (X, Bluesky, Facebook and Instagram messages; not
    /// Mastodon's direct posts): it goes out as one message, never as a chain, whose later parts would answer the
    /// first part's message instead of the conversation. The network's message limit applies, not its post limit.
    public static func isChatMessage(network: String, visibility: String?) -> Bool {
        visibility == "direct" && network.lowercased() != "mastodon"
    }

    /// True when `text` goes out as more than one post on `network`.
    public static func isThread(_ text: String, network: String) -> Bool {
        split(text, network: network).count > 1
    }

    /// The text between `---` lines, each trimmed; empty pieces dropped.
    static func manualSegments(_ text: String) -> [String] {
        var out: [String] = []
        var cur: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces) == breakLine {
                out.append(cur.joined(separator: "\n"))
                cur = []
            } else {
                cur.append(line)
            }
        }
        out.append(cur.joined(separator: "\n"))
        return out.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Words after which a full stop does not end a sentence (German and English abbreviations).
    static let abbreviations: Set<String> = [
        "z", "b", "d", "h", "u", "a", "s", "v", "bzw", "ca", "nr", "usw", "etc", "evtl", "ggf", "inkl", "zzgl", "vgl",
        "dr", "mr", "mrs", "ms", "st", "e.g", "i.e", "z.b", "d.h", "u.a", "str", "tel", "co", "vs",
    ]

    /// The sentences of `text`, each with the whitespace that followed it (kept when sentences share a part).
    static func sentences(_ text: String) -> [(text: String, gap: String)] {
        var out: [(String, String)] = []
        let chars = Array(text)
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let ends = ".!?…".contains(c) || c == "\n"
            guard ends else { i += 1; continue }
            var j = i + 1
            // Closing quotes and brackets stay with their sentence: `„Danke!“` and `(siehe oben.)`.
            while j < chars.count, "\"'“”„‘’»«)]".contains(chars[j]) || ".!?…".contains(chars[j]) { j += 1 }
            guard j == chars.count || chars[j].isWhitespace else { i = j; continue }
            if c == "." && !endsSentence(chars, dotAt: i) { i = j; continue }
            var k = j
            while k < chars.count, chars[k].isWhitespace { k += 1 }
            out.append((String(chars[start..<j]), String(chars[j..<k])))
            start = k
            i = k
        }
        if start < chars.count { out.append((String(chars[start...]), "")) }
        return out.filter { !$0.0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// A full stop ends a sentence unless it follows a number (`am 5. Dezember`) or an abbreviation (`z. B.`).
    static func endsSentence(_ chars: [Character], dotAt i: Int) -> Bool {
        var s = i
        while s > 0, !chars[s - 1].isWhitespace { s -= 1 }
        let word = String(chars[s..<i]).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "(\"'„“"))
        if word.isEmpty { return true }
        if word.allSatisfy(\.isNumber) { return false }
        return !abbreviations.contains(word)
    }

    /// Sentences packed greedily into parts that fit with `marker`; a sentence too long alone is packed by words.
    static func pack(_ units: [(text: String, gap: String)], network: String, limit: Int, marker: String) -> [String] {
        func fits(_ s: String) -> Bool { PostLength.count(s + marker, network) <= limit }
        var parts: [String] = []
        var cur = ""
        var gap = ""
        func flush() {
            let t = cur.trimmingCharacters(in: .whitespacesAndNewlines)
            if !t.isEmpty { parts.append(t) }
            cur = ""
            gap = ""
        }
        for u in units {
            let sentence = u.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !cur.isEmpty, fits(cur + gap + sentence) {
                cur += gap + sentence
            } else {
                flush()
                if fits(sentence) {
                    cur = sentence
                } else {
                    let words = packWords(sentence, fits: fits)
                    parts += words.dropLast()
                    cur = words.last ?? ""
                }
            }
            gap = u.gap.contains("\n") ? (u.gap.filter { $0 == "\n" }.count > 1 ? "\n\n" : "\n") : " "
        }
        flush()
        return parts
    }

    /// A sentence too long for one part, split between words; a single word longer than a part is cut.
    static func packWords(_ sentence: String, fits: (String) -> Bool) -> [String] {
        var parts: [String] = []
        var cur = ""
        for word in sentence.split(whereSeparator: \.isWhitespace).map(String.init) {
            let joined = cur.isEmpty ? word : cur + " " + word
            if fits(joined) {
                cur = joined
                continue
            }
            if !cur.isEmpty { parts.append(cur) }
            cur = word
            while !fits(cur), cur.count > 1 {
                var cut = cur.count - 1
                while cut > 1, !fits(String(cur.prefix(cut))) { cut -= 1 }
                parts.append(String(cur.prefix(cut)))
                cur = String(cur.dropFirst(cut))
            }
        }
        if !cur.isEmpty { parts.append(cur) }
        return parts
    }
}
