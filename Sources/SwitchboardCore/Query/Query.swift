import Foundation

/// A parsed search query (the `/` and `:filter` language, `mentions list --query`, saved views):
///
///     is:question is:negative status:open net:mastodon from:@anna assignee:me lang:de tag:billing
///         age:<2h "exact phrase" -spam
///
/// Terms are ANDed; `OR` (or `|`) between terms, parentheses to group, `-` to negate. See the README, "Triage and
/// reply", for every field.
public struct Query: Sendable, Hashable, CustomStringConvertible {
    /// The text as typed.
    public let text: String
    public let root: Node

    /// Parses `text`; an empty query matches everything. Dates (`since:2026-11-20`) are days in `timeZone`.
    public static func parse(_ text: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!) throws(QueryError)
        -> Query
    {
        var p = QueryParser(text, timeZone: timeZone)
        return Query(text: text, root: try p.parse())
    }

    /// Matches everything.
    public static let all = Query(text: "", root: .all)

    public var isEmpty: Bool { root == .all }
    public var description: String { text }

    /// Whether the result depends on the team's working state (status, assignee, tags): re-run when states change.
    public var dependsOnState: Bool { root.dependsOnState }
    /// Whether the result changes as time passes (`age:`, `is:overdue`): re-run on a clock tick.
    public var dependsOnTime: Bool { root.dependsOnTime }

    /// One mention against the query. For many mentions use a `QueryMatcher` (it caches folded text).
    public func matches(mention: Mention, state: MentionState, now: Date = Date(), me: String) -> Bool {
        QueryMatcher(self, environment: QueryEnvironment(me: me, now: now), cacheText: false).matches(mention, state)
    }
}
