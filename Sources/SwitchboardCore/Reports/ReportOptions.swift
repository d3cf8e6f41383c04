import Foundation

/// How a report groups people, finds topics and picks SLA targets. The defaults need nothing but Core; the CLI
/// and the workbench pass Insight's topic extractor and priority band.
public struct ReportOptions {
    /// Who a mention is from (one person per network account by default; a contact book merges identities).
    public var authorOf: (Mention) -> ReportAuthor?
    /// The topic words and `#hashtags` of a text (each mention counts a term once).
    public var terms: (String) -> [String]
    /// The priority band (`high`, `normal`, `low`) whose SLA target applies; nil → the team's default target.
    public var band: ((Mention, MentionState) -> String?)?
    /// Whether `band` reads more of the state than its status and first response (what the report itself reads):
    /// when it does not, a caller may hand `compute` states holding only those two (the index's report does).
    public var bandReadsState = true
    public var topLimit = 10
    public var authorLimit = 10
    /// A topic or hashtag needs at least this many mentions to be listed.
    public var minTermCount = 2
    /// Posts of the brand's own accounts, left out like spam (default: the accounts the contacts know as ours —
    /// `team.json` `contacts.own_accounts`, the sources' handles, brand terms that look like handles).
    public var isOwn: ((Mention) -> Bool)?
    /// Leave private messages out entirely (not even counted): the report is for someone whose role may not read
    /// them (team.json `private_messages`).
    public var hidePrivate = false
    /// Set by Insight's `.insight(team:)` when it groups people by account: `terms` is Insight's `Trends.terms`,
    /// `authorOf` is `ReportAuthor.byAccount`, and `isOwn` and `band` read nothing of a mention but its network,
    /// author (handle, followers), creation time, reply links, privacy and analysis (sentiment, score, intents). The
    /// history index keeps those parts of every mention, so its report need not read a record when this is set.
    public var readsIndexedParts = false

    public init(
        authorOf: @escaping (Mention) -> ReportAuthor? = ReportAuthor.byAccount,
        terms: @escaping (String) -> [String] = ReportTerms.simple,
        band: ((Mention, MentionState) -> String?)? = nil
    ) {
        (self.authorOf, self.terms, self.band) = (authorOf, terms, band)
    }
}
