import Foundation
import SwitchboardCore

/// Contacts, hand-offs and reports, as effects (the `:contacts` and `:report` views, the author card).
public enum CommunityOp: Sendable, Equatable {
    /// Core's report for the last 7 days, as text (`switchboard report`'s charts).
    case loadReport(now: Date)
    /// Every contact, and the advocates of the last 7 days.
    case loadContacts(now: Date)
    /// One contact's card with the history of every mention and reply.
    case loadCard(id: String, now: Date)
}
