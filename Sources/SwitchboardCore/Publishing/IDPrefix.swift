import Foundation

/// Looks up records by id or by an unambiguous id prefix (at least 4 characters), as the queue and outbox
/// commands take them.
enum IDPrefix {
    /// The record with id `s`, else the one whose id is the only one in `ids` to start with `s`. Otherwise throws
    /// `failure(ambiguous)`, where `ambiguous` says that several ids start with `s`.
    static func resolve<T>(
        _ s: String, ids: [String], lookup: (String) -> T?, failure: (_ ambiguous: Bool) -> Error
    ) throws -> T {
        if let e = lookup(s) { return e }
        let hits = ids.filter { $0.hasPrefix(s) }
        guard s.count >= 4, hits.count == 1, let e = lookup(hits[0]) else {
            throw failure(hits.count > 1 && s.count >= 4)
        }
        return e
    }
}
