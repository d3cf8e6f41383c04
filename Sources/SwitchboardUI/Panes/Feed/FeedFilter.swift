import Foundation
import SwitchboardCore

/// The feed's filter: a query in Core's query language (`Query.parse`), matched by one `QueryMatcher` that the
/// EffectRunner keeps over the store's mentions. The result comes back as one bit per feed item (item indices are
/// store indices: the feed holds every stored mention in store order).
public struct FeedFilter: Sendable, Equatable {
    public var query: Query
    public var text: String { query.text }
    /// Which items match; nil until the matcher answered (then nothing shows, for one message).
    var bits: [Bool]?

    public init(query: Query) { self.query = query }

    /// Whether the filter looks at mention states (then state changes re-run it).
    var dependsOnState: Bool { query.dependsOnState }

    func matches(_ index: Int32) -> Bool {
        guard let b = bits, Int(index) < b.count else { return false }
        return b[Int(index)]
    }
}

extension MuteList {
    /// The team's mute rule over a feed row.
    func hides(_ item: FeedItem) -> Bool {
        (hidePrivate && item.isPrivate) || hides(author: item.author, text: item.text)
    }
}
