import Foundation

/// Rich-text facets: reading them (a shortened link shown in full) and writing them (mentions, links and
/// hashtags found in a reply, indexed by UTF-8 byte offsets as the protocol requires).
public enum BlueskyFacets {
    /// A facet candidate found in text before handles are resolved to DIDs.
    public struct Candidate: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case mention(handle: String), link(String), tag(String) }
        public var kind: Kind, byteStart: Int, byteEnd: Int
    }

    static let trailing = Set(".,;:!?)]}\"'…".unicodeScalars.map { $0 })

    /// Finds `@handle.domain`, `http(s)://…` and `#tag` in `text`, with UTF-8 byte ranges.
    public static func detect(_ text: String) -> [Candidate] {
        var out: [Candidate] = []
        let scalars = Array(text.unicodeScalars)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (i, s) in scalars.enumerated() { offsets[i + 1] = offsets[i] + String(s).utf8.count }
        var i = 0
        while i < scalars.count {
            if scalars[i].properties.isWhitespace { i += 1; continue }
            var start = i
            var end = i
            while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
            i = end
            while start < end, scalars[start] == "(" || scalars[start] == "[" || scalars[start] == "\"" { start += 1 }
            var stop = end
            while stop > start, trailing.contains(scalars[stop - 1]) { stop -= 1 }
            guard stop > start else { continue }
            let token = String(String.UnicodeScalarView(scalars[start..<stop]))
            let lower = token.lowercased()
            if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
                if token.count > 8 {
                    out.append(Candidate(kind: .link(token), byteStart: offsets[start], byteEnd: offsets[stop]))
                }
            } else if token.hasPrefix("@") {
                let handle = String(token.dropFirst())
                if isHandle(handle) {
                    out.append(
                        Candidate(
                            kind: .mention(handle: handle.lowercased()), byteStart: offsets[start],
                            byteEnd: offsets[stop]))
                }
            } else if token.hasPrefix("#"), !token.hasPrefix("##") {
                let tag = String(token.dropFirst())
                if !tag.isEmpty, tag.count <= 64, !tag.allSatisfy(\.isNumber), !tag.contains("#") {
                    out.append(Candidate(kind: .tag(tag), byteStart: offsets[start], byteEnd: offsets[stop]))
                }
            }
        }
        return out
    }

    /// A plausible handle: dot-separated labels of letters, digits and hyphens, the last not all digits.
    static func isHandle(_ h: String) -> Bool {
        let labels = h.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, h.count <= 253 else { return false }
        for l in labels {
            guard !l.isEmpty, l.count <= 63, l.first != "-", l.last != "-",
                l.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") })
            else { return false }
        }
        return !(labels.last!.first!.isNumber)
    }

    /// Post text for reading: link facets whose visible text was shortened by the posting app are shown as the
    /// full address. Facets with ranges outside the text or off character boundaries are ignored.
    public static func render(_ text: String, facets: [Bluesky.Facet]?) -> String {
        guard let facets, !facets.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var links: [(Int, Int, String)] = []
        for f in facets {
            for case .link(let uri) in f.features {
                let s = f.index.byteStart
                let e = f.index.byteEnd
                guard s >= 0, e <= bytes.count, s < e, isBoundary(bytes, s), isBoundary(bytes, e) else { continue }
                links.append((s, e, uri))
            }
        }
        links.sort { $0.0 < $1.0 }
        var out = [UInt8]()
        var pos = 0
        for (s, e, uri) in links where s >= pos {
            out += bytes[pos..<s]
            let shown = String(decoding: bytes[s..<e], as: UTF8.self)
            if shown == uri {
                out += Array(shown.utf8)
            } else if !shown.contains(" ") && (shown.contains(".") || shown.hasSuffix("…")) {
                out += Array(uri.utf8)  // a shortened address: show it in full
            } else { out += Array("\(shown) (\(uri))".utf8) }
            pos = e
        }
        out += bytes[pos...]
        return String(decoding: out, as: UTF8.self)
    }

    static func isBoundary(_ b: [UInt8], _ i: Int) -> Bool { i == b.count || b[i] & 0xC0 != 0x80 }

    // MARK: Record keys

    static let base32Sortable = Array("234567abcdefghijklmnopqrstuvwxyz")

    /// A TID record key: 53 bits of microseconds since the epoch and a 10-bit clock id, base32-sortable.
    /// Derived from the draft's time and its idempotency key, so a retry writes the same key.
    public static func tid(date: Date, key: String) -> String {
        let micros = UInt64(max(0, date.timeIntervalSince1970) * 1_000_000) & ((1 << 53) - 1)
        var h: UInt64 = 0xcbf29ce484222325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let v = (micros << 10) | (h & 0x3FF)
        var s = ""
        for i in 0..<13 { s.append(base32Sortable[Int((v >> UInt64(60 - 5 * i)) & 31)]) }
        return s
    }
}
