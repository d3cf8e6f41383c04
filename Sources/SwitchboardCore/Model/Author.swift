import Foundation

/// Who wrote a mention, as the network shows them.
public struct Author: Codable, Hashable, Sendable {
    public var handle: String
    public var name: String?
    public var url: String?
    public var followers: Int?

    /// A handle as Switchboard stores it: without surrounding spaces and without leading `@` (`@p0` → `p0`,
    /// `@anna@social.example` → `anna@social.example`), so it is printed as `@` + handle exactly once.
    public static func normalized(handle: String) -> String {
        // The usual handle (ASCII at both ends, neither a space nor a tab, no leading `@`) is already normalized:
        // Foundation's trimming cost ~3 µs a handle (issue 18: 4 % of an `ingest`).
        if let first = handle.utf8.first, let last = handle.utf8.last, first < 0x80, last < 0x80,
            first != 0x40, first != 0x20, first != 0x09, last != 0x20, last != 0x09
        {
            return handle
        }
        var h = Substring(handle.trimmingCharacters(in: .whitespaces))
        while h.first == "@" { h = h.dropFirst() }
        return h.isEmpty ? handle.trimmingCharacters(in: .whitespaces) : String(h)
    }

    /// How the interface names the author: `@handle`, or a network's stand-in for a deleted account as it is
    /// (Reddit's `[deleted]` is nobody one can address).
    public var shown: String {
        let h = handle.trimmingCharacters(in: CharacterSet(charactersIn: "@"))
        return h.hasPrefix("[") && h.hasSuffix("]") ? h : "@" + h
    }

    public init(handle: String, name: String? = nil, url: String? = nil, followers: Int? = nil) {
        (self.handle, self.name, self.url, self.followers) = (handle, name, url, followers)
    }
}
