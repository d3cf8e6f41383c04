import Foundation
import SwitchboardCore

extension ReportOptions {
    /// The options `switchboard report` and the workbench's `:report` share: Insight's topic words (stopwords of
    /// English and German left out) and, when the team sets SLA targets by priority, the band a mention had when it
    /// arrived (so answering it does not change its target).
    /// `authorOf`: who a mention is from (nil: one person per network account, `ReportAuthor.byAccount`).
    public static func insight(
        team: TeamConfig, authorOf: ((Mention) -> ReportAuthor?)? = nil
    ) -> ReportOptions {
        var o = ReportOptions(authorOf: authorOf ?? ReportAuthor.byAccount, terms: Trends.terms)
        o.readsIndexedParts = authorOf == nil
        o.isOwn = Contacts.ownAccountTest(team: team)
        if let bands = team.sla.byPriority, !bands.isEmpty {
            let minutes = team.sla.firstResponseMinutes
            o.bandReadsState = false
            o.band = { m, _ in
                Priority.band(
                    Priority.score(
                        analysis: m.analysis, followers: m.author?.followers, createdAt: m.createdAt,
                        isReply: m.inReplyTo != nil || m.threadRoot != nil, status: .new,
                        slaMinutes: minutes, now: m.createdAt))
            }
        }
        return o
    }
}
