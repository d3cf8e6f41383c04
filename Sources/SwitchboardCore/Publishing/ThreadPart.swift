import Foundation

/// Where an outbox entry stands in a reply posted as a thread: part `part` of `of`, after the entry `after` (the
/// part before it, which it answers once that is posted). `thread` is the first part's outbox id, shared by all.
public struct ThreadPart: Codable, Hashable, Sendable {
    public var thread: String
    public var part: Int
    public var of: Int
    /// The outbox id of the part before this one; nil for the first.
    public var after: String?

    public init(thread: String, part: Int, of: Int, after: String?) {
        (self.thread, self.part, self.of, self.after) = (thread, part, of, after)
    }

    /// `2/3`.
    public var label: String { "\(part)/\(of)" }
}
