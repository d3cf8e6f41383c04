import Foundation
import Insight
import SwitchboardCore

/// The `:contacts` view's data: the fold, and the Core advocates ranking of the last 7 days (ids are contact ids).
public struct ContactsSnapshot: Sendable {
    public var contacts: Contacts
    public var advocates: [Report.AuthorStats]
    /// Why there are no advocates (no team.json, a bad time zone); nil when computed.
    public var advocatesProblem: String?
}
