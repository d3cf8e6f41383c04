import Foundation
import Insight
import SwitchboardCore

/// What a window's panes read from the history besides its pages, when no store is folded
/// (`SWITCHBOARD_WINDOW=bounded`): a mention's thread, one person's mentions and the contact book's actions, the
/// crisis chart's counts and the trends' words. The executable answers through `HistoryIndex`; tests give their own.
public protocol HistorySource: AnyObject {
    /// The other stored mentions of `m`'s conversation (as the store's thread index finds them).
    func related(_ m: Mention) throws -> [(mention: Mention, state: MentionState)]
    /// Every stored mention whose author's identity key is one of `identities`, in store order.
    func mentions(ofIdentities identities: Set<String>, handles: [String]) throws
        -> [(mention: Mention, state: MentionState)]
    /// The index's tallies of the identities `keys` (`PersonTally`, those with a stored mention), in the order of their
    /// first mentions.
    func personTallies(ofIdentities keys: Set<String>) throws -> [PersonTally]
    /// The `contact_*` actions, in the order of the actions logs.
    func contactEvents() throws -> [AuditEvent]
    /// `Trends.rising` over the 25 hours before `now`, the brand's own posts left out.
    func rising(now: Date, own: OwnAccounts, exclude: [String]) throws -> [TrendingTerm]
    /// `CrisisReport.buckets` over every stored mention.
    func crisisBuckets(from: Date, to: Date) throws -> [CrisisBucket]
    /// The texts of the negative mentions posted from `from` to `to`, newest first, at most `limit`.
    func negativeTexts(from: Date, to: Date, limit: Int) throws -> [String]
}
