import Foundation
import SwitchboardCore

/// One page of a Graph edge: `{"data": [...], "paging": {"cursors": {"before", "after"}, "next", "previous"}}`.
/// Decoded tolerantly: a missing `data` is an empty page, and an item that does not decode (a deleted object,
/// a shape we do not know) is skipped and counted rather than failing the page.
public struct GraphPage<Item: Decodable & Sendable>: Decodable, Sendable {
    public var data: [Item]
    /// `paging.cursors.after`: the cursor of the next (older) page.
    public var after: String?
    /// `paging.next`: the full address of the next page (nil on the last page).
    public var next: String?
    /// Items that could not be read.
    public var skipped: Int

    public init(data: [Item], after: String? = nil, next: String? = nil, skipped: Int = 0) {
        (self.data, self.after, self.next, self.skipped) = (data, after, next, skipped)
    }

    /// True when the page says another follows.
    public var hasMore: Bool { next != nil }

    enum CodingKeys: String, CodingKey { case data, paging }
    enum PagingKeys: String, CodingKey { case cursors, next }
    enum CursorKeys: String, CodingKey { case after }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let items = (try? c.decodeIfPresent([Lenient<Item>].self, forKey: .data)) ?? []
        data = items.compactMap(\.value)
        skipped = items.count - data.count
        let p = try? c.nestedContainer(keyedBy: PagingKeys.self, forKey: .paging)
        next = p.flatMap { try? $0.decodeIfPresent(String.self, forKey: .next) }
        let cur = p.flatMap { try? $0.nestedContainer(keyedBy: CursorKeys.self, forKey: .cursors) }
        after = cur.flatMap { try? $0.decodeIfPresent(String.self, forKey: .after) }
    }
}

/// An item that may fail to decode without failing its list.
struct Lenient<T: Decodable>: Decodable {
    var value: T?
    init(from decoder: Decoder) throws { value = try? T(from: decoder) }
}

extension KeyedDecodingContainer {
    /// A Graph id or text that may come as a string or a number (Threads sends some ids as numbers); nil when
    /// missing, null or of another type.
    func graphString(_ key: Key) -> String? {
        if let s = try? decodeIfPresent(String.self, forKey: key) { return s }
        if let i = try? decodeIfPresent(Int64.self, forKey: key) { return String(i) }
        if let d = try? decodeIfPresent(Double.self, forKey: key), d.isFinite { return String(format: "%.0f", d) }
        return nil
    }

    /// A count that may be missing or null.
    func graphInt(_ key: Key) -> Int? {
        if let i = try? decodeIfPresent(Int.self, forKey: key) { return i }
        if let s = try? decodeIfPresent(String.self, forKey: key) { return Int(s) }
        return nil
    }
}
