import Foundation
import GRDB
import SwitchboardCore

/// The terms share of voice looks for — the brand's (its name and terms), then each competitor's — as the index
/// worked out each mention's `report_part.voice` bits with them (bit i: list i named). Recorded in the meta table
/// (`report_voice`), so a report for a team whose brand or competitors were edited since sees that the bits are of
/// other terms and has them worked out anew (`HistoryIndex.refreshVoice`).
struct VoiceTerms: Equatable {
    var lists: [[String]]

    /// Bits for at most this many lists (the brand and 63 competitors); a team with more is reported from records.
    static let most = 64

    init(lists: [[String]]) { self.lists = lists }

    init(team: TeamConfig) {
        lists = [[team.brand.name] + team.brand.terms] + team.competitors.map { [$0.name] + $0.terms }
    }

    var fits: Bool { lists.count <= VoiceTerms.most }

    var matchers: [ReportTerms.Matcher] { lists.prefix(VoiceTerms.most).map { ReportTerms.Matcher($0) } }

    /// Which lists `folded` (a text folded as `QueryText.fold` folds it) names as whole words.
    static func bits(_ folded: [UInt8], _ matchers: [ReportTerms.Matcher]) -> Int64 {
        var bits: UInt64 = 0
        for (i, m) in matchers.enumerated() where m.matches(folded) { bits |= 1 << UInt64(i) }
        return Int64(bitPattern: bits)
    }

    /// The terms the index's bits were worked out with (nil: none recorded yet).
    static func stored(_ db: Database) throws -> VoiceTerms? {
        guard let json = try String.fetchOne(try db.cachedStatement(sql: "SELECT v FROM meta WHERE k = 'report_voice'")),
            let lists = try? JSONDecoder().decode([[String]].self, from: Data(json.utf8))
        else { return nil }
        return VoiceTerms(lists: lists)
    }

    func store(_ db: Database) throws {
        let json = String(decoding: try JSONEncoder().encode(lists), as: UTF8.self)
        try db.execute(sql: "INSERT OR REPLACE INTO meta(k, v) VALUES ('report_voice', ?)", arguments: [json])
    }
}
