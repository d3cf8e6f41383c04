import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Words for the report: which brand or competitor a text names, and its topics and hashtags.
public enum ReportTerms {
    /// A term as whole words in folded text (lower case, no diacritics: `QueryText.fold`), so "Acme" finds
    /// "ACME's" and "acme-cloud" but not "Acmeville".
    public struct Matcher: Sendable {
        let needles: [[UInt8]]
        public init(_ terms: [String]) {
            var seen = Set<[UInt8]>()
            needles = terms.map { QueryText.fold($0.trimmingCharacters(in: .whitespaces)) }.filter {
                !$0.isEmpty && seen.insert($0).inserted
            }
        }
        public var isEmpty: Bool { needles.isEmpty }

        /// True when any term occurs in `folded` as whole words.
        public func matches(_ folded: [UInt8]) -> Bool {
            for n in needles where ReportTerms.containsWord(folded, n) { return true }
            return false
        }
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95 || b >= 0x80
    }

    /// `needle` in `haystack` with no word character right before or after it.
    static func containsWord(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        let leftWord = isWordByte(needle[0])
        let rightWord = isWordByte(needle[needle.count - 1])
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let base = h.baseAddress!
                let last = h.count - n.count
                var i = 0
                while i <= last {
                    guard let p = memchr(base + i, Int32(n[0]), last - i + 1) else { return false }
                    let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + at, n.baseAddress!, n.count) == 0 {
                        let okLeft = !leftWord || at == 0 || !isWordByte(h[at - 1])
                        let end = at + n.count
                        let okRight = !rightWord || end == h.count || !isWordByte(h[end])
                        if okLeft && okRight { return true }
                    }
                    i = at + 1
                }
                return false
            }
        }
    }

    /// A plain topic extractor for when Insight's (`Trends.terms`, which knows English and German stopwords)
    /// is not at hand: lower-case words of at least 4 letters that are not common function words, and
    /// hashtags (with their `#`); @mentions, links and numbers are left out.
    public static func simple(_ text: String) -> [String] {
        var out: [String] = []
        for token in text.split(whereSeparator: { $0.isWhitespace }) {
            if token.hasPrefix("@") || token.contains("://") || token.lowercased().hasPrefix("www.") { continue }
            if token.hasPrefix("#") {
                let tag = token.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !tag.isEmpty, !tag.allSatisfy(\.isNumber) { out.append("#" + tag.lowercased()) }
                continue
            }
            for w in token.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                let lw = w.lowercased()
                if lw.count >= 4, !lw.allSatisfy(\.isNumber), !stopwords.contains(lw) { out.append(lw) }
            }
        }
        return out
    }

    static let stopwords: Set<String> = Set(
        """
        this that with have from they your what when will just been were about would there their which could
        them than then \
        into only also more some here very much even like over such after back what's yeah http https www \
        eine einer einem einen eines sich nicht auch noch aber oder wenn dass weil sind wird wurde werden haben hatte \
        schon mehr kann nach beim euch ihre ihr mein meine dein deine unser unsere dies diese dieser dieses jetzt heute
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
