import Foundation

/// Who a mention is from, for ranking people: `id` groups mentions (one person), `name` is what a report shows.
/// The default is one person per network account (`platform:handle`); a contact book with merged identities
/// passes its own grouping (`ReportOptions.authorOf`) so a person's Mastodon and Bluesky accounts count as one.
public struct ReportAuthor: Hashable, Sendable {
    public var id: String
    public var name: String
    public init(id: String, name: String) { (self.id, self.name) = (id, name) }

    /// `mastodon:anna@example.social`, shown as `@anna@example.social`; nil for a mention without an author.
    public static func byAccount(_ m: Mention) -> ReportAuthor? {
        guard let h = m.author?.handle, !h.isEmpty else { return nil }
        let bare = h.hasPrefix("@") ? String(h.dropFirst()) : h
        return ReportAuthor(id: lower(m.platform) + ":" + lower(bare), name: "@" + bare)
    }

    /// The id `byAccount` gives the author of an account (network as stored, handle as written, not empty): what
    /// the history index numbers the people by when it first writes an account.
    public static func id(platform: String, handle: String) -> String {
        let bare = handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
        return lower(platform) + ":" + lower(bare)
    }

    /// Lower case, without a copy when it already is (most handles and network names).
    @inline(__always)
    static func lower(_ s: String) -> String {
        s.utf8.contains { ($0 >= 65 && $0 <= 90) || $0 >= 0x80 } ? s.lowercased() : s
    }
}
