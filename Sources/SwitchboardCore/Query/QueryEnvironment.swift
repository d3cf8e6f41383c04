import Foundation

/// What a query is evaluated against besides the mention: who "me" is, the time, and hooks for what Core
/// cannot know by itself (the SLA's priority bands, contacts for `role:`).
public struct QueryEnvironment: Sendable {
    public var me: String
    public var now: Date
    /// `is:overdue`; default: open, unanswered and older than `defaultSLAMinutes`.
    public var overdue: (@Sendable (Mention, MentionState, Date) -> Bool)?
    /// `role:VALUE` (contacts: press, vip, partner…); nil → `role:` matches nothing.
    public var role: (@Sendable (Mention, String) -> Bool)?
    public var defaultSLAMinutes: Int
    /// The brand's own accounts: `is:own` matches their posts, every other `is:` value leaves them out.
    public var own: OwnAccounts

    public init(
        me: String, now: Date = Date(), overdue: (@Sendable (Mention, MentionState, Date) -> Bool)? = nil,
        role: (@Sendable (Mention, String) -> Bool)? = nil, defaultSLAMinutes: Int = 60,
        own: OwnAccounts = OwnAccounts()
    ) {
        (self.own, self.me, self.now, self.overdue, self.role) = (own, me, now, overdue, role)
        self.defaultSLAMinutes = defaultSLAMinutes
    }
}
