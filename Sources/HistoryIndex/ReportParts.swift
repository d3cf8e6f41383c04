import Foundation
import Insight
import SwitchboardCore

/// What the report needs of a mention beyond the columns the query language reads, worked out once when the mention
/// is indexed (off the writer's thread, with its columns) and kept in `report_part` (`ReportPartWriter`): its topic
/// words and hashtags (Insight's `Trends.terms`, the extractor `switchboard report` uses, each word once), its author
/// as the report groups people (the handle as written, the followers), whether it is private or a reply, and its
/// folded text, from which the writer works out which of the team's brand and competitor terms it names.
struct ReportParts {
    /// Bits of `flags`.
    static let isPrivate = 1, isReply = 2, hasAuthor = 4

    /// Topic words (none for a private message: its words never reach a report).
    var terms: [String]
    /// The text folded as share of voice compares it (`QueryText.fold`); not stored.
    var folded: [UInt8]
    var flags: Int
    /// The handle as written when the lower-case column (`handle_lc`) does not give it back; the network as written
    /// when it is not lower case; the creation time (seconds since 2001) when the `created` column does not give it
    /// back to the bit.
    var handle: String?, platform: String?, created: Double?
    var followers: Int?

    init(_ m: Mention, folded: [UInt8], handleLC: String, created column: Double) {
        self.folded = folded
        var f = 0
        if m.isPrivate { f |= ReportParts.isPrivate }
        if m.inReplyTo != nil || m.threadRoot != nil { f |= ReportParts.isReply }
        if let a = m.author {
            f |= ReportParts.hasAuthor
            handle = a.handle == handleLC ? nil : a.handle
            followers = a.followers
        }
        flags = f
        platform = m.platform == m.platform.lowercased() ? nil : m.platform
        let exact = m.createdAt.timeIntervalSinceReferenceDate
        created = Date(timeIntervalSince1970: column).timeIntervalSinceReferenceDate == exact ? nil : exact
        if m.isPrivate {
            terms = []
        } else {
            let all = Trends.terms(m.text)
            var seen = Set<String>()
            terms = all.count < 2 ? all : all.filter { seen.insert($0).inserted }
        }
    }

    /// A mention as the report reads it, from the row and its parts: what `Report.compute`, the team's own-account
    /// test, Insight's priority band and `ReportAuthor.byAccount` read, nothing else (no text).
    static func mention(
        key: String, platform: String, created: Double, analysis: Analysis?, handleLC: String, parts p: StoredParts
    ) -> Mention {
        let at =
            p.created.map { Date(timeIntervalSinceReferenceDate: $0) } ?? Date(timeIntervalSince1970: created)
        var m = Mention(
            platform: p.platform ?? platform, id: "", text: "", createdAt: at, fetchedAt: at,
            author: p.flags & hasAuthor != 0
                ? Author(handle: p.handle ?? handleLC, followers: p.followers) : nil,
            inReplyTo: p.flags & isReply != 0 ? "" : nil,
            extra: p.flags & isPrivate != 0 ? ["private": .bool(true)] : nil, analysis: analysis)
        m.key = key
        return m
    }

    /// The parts as a report reads them back.
    struct StoredParts {
        var handle: String?, platform: String?, created: Double?
        var followers: Int?
        var flags: Int
    }
}
