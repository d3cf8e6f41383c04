import Foundation
import HistoryIndex
import SwitchboardCore
import XCTest

/// The query language in SQL against the in-memory evaluator: a generated store (networks, sources, handles with
/// and without `@`, own accounts, languages, analyses and later re-analyses, German text, team actions) and a few
/// hundred generated queries; the index must answer each with exactly the keys `QueryMatcher` gives.
final class QuerySQLDifferentialTests: XCTestCase {
    struct Rng {
        var s: UInt64
        mutating func next() -> UInt64 {
            s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return s >> 11
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
    }

    static let words = [
        "Störung", "Straße", "Grüße", "Übergröße", "Kaffee", "late", "again", "Bestellung", "refund", "Rückerstattung",
        "café", "naïve", "Äpfel", "Öl", "Fuß", "muss", "Lieferung", "app", "crash", "Login", "Mastodon", "ok", "Größe",
        "bitte", "danke", "Problem", "schnell", "süß", "Zoë", "ÆON", "Œuvre", "ǅ", "İstanbul", "🎉",
    ]
    static let fragments = [
        "stoerung", "storung", "strasse", "STRASSE", "grüsse", "gruesse", "ubergrosse", "uebergroesse", "kaff", "ate",
        "late again", "\"late again\"", "bestell", "rueckerstattung", "cafe", "naive", "aepfel", "oel", "fuss", "muß",
        "app", "cra", "log", "ok", "a", "üb", "ss", "grö", "groesse", "bitte danke", "\"danke bitte\"", "süss",
        "suess", "zoe", "aeon", "oeuvre", "istanbul", "🎉", "anna", "@bo", "n", "problem", "schnell",
    ]
    static let fieldTerms = [
        "is:question", "is:complaint", "is:praise", "is:help", "is:purchase", "is:spam", "is:crisis", "is:negative",
        "is:neutral", "is:positive", "is:new", "is:open", "is:waiting", "is:answered", "is:escalated", "is:ignored",
        "is:unassigned", "is:assigned", "is:mine", "is:own", "is:overdue", "status:open", "status:new,answered",
        "status:spam", "net:mastodon", "net:b", "net:x", "net:reddit,youtube", "from:@anna", "from:bo", "from:ACME",
        "from:züri", "from:@", "author:carla", "lang:de", "lang:en", "lang:de-AT", "lang:fr", "tag:billing",
        "tag:#Urgent", "tag:vip,billing", "assignee:anna", "assignee:Bo", "assignee:none", "assignee:me",
        "source:feed", "source:watch,feed", "age:<2d", "age:>10d", "age:<=30d", "since:2026-09-10",
        "until:2026-09-20", "before:2026-09-15", "after:2026-09-01", "since:5d", "until:3d", "platform:bluesky",
    ]

    func testSQLAnswersEqualTheInMemoryEvaluator() throws {
        var rng = Rng(s: 0x5EED_1DE7)
        let dir = makeTempDir("sbdiff")
        let store = try Store(dir: dir)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let handles = [
            "anna@example.social", "@Anna@example.social", "bo.bsky.social", "BoB", "carla_berlin@mastodon.social",
            "acme@mastodon.social", "@acme@other.example", "shop.example", "Zürich_Fan", "züri@x.example", "",
        ]
        var mentions: [Mention] = []
        for i in 0..<400 {
            var text = (0..<(1 + rng.int(8))).map { _ in rng.pick(QuerySQLDifferentialTests.words) }
                .joined(separator: rng.chance(0.2) ? "\n" : " ")
            if rng.chance(0.1) { text = text.decomposedStringWithCanonicalMapping }
            let analysis =
                rng.chance(0.8)
                ? Analysis(
                    lang: rng.pick(["de", "en", "de-CH", "fr"]), sentiment: rng.pick([.negative, .neutral, .positive]),
                    score: 0, intents: Intent.allCases.filter { _ in rng.chance(0.2) }) : nil
            let handle = rng.pick(handles)
            mentions.append(
                Mention(
                    platform: rng.pick(["mastodon", "bluesky", "Bluesky", "x", "reddit", "youtube"]), id: "\(i)",
                    text: text, createdAt: now.addingTimeInterval(-Double(rng.int(40 * 86400))),
                    author: rng.chance(0.95) ? Author(handle: handle, name: rng.chance(0.5) ? "Carla Groß" : nil) : nil,
                    lang: rng.chance(0.5) ? rng.pick(["de", "EN", "de_AT", "fr"]) : nil,
                    source: rng.chance(0.7) ? rng.pick(["feed", "Watch", "search"]) : nil,
                    title: rng.chance(0.1) ? "Titel: Übergröße" : nil, analysis: analysis))
        }
        // Stored in three batches with actions and re-analyses between them, so catch-up meets them in order.
        for part in 0..<3 {
            try store.ingest(Array(mentions[(part * 140)..<min(400, part * 140 + 140)]), now: now)
            let index = try HistoryIndex(dir: dir)
            XCTAssertEqual(try index.mentionCount(), min(400, part * 140 + 140))
            var actions: [(Action, String)] = []
            for _ in 0..<150 {
                let k = rng.pick(mentions).key
                let a: Action
                switch rng.int(8) {
                case 0: a = .setStatus(mention: k, status: rng.pick(MentionStatus.allCases))
                case 1: a = .assign(mention: k, user: rng.pick(["anna", "Bo", nil]))
                case 2: a = .claim(mention: k)
                case 3: a = .tag(mention: k, tags: [rng.pick(["billing", "Urgent", "vip"])])
                case 4: a = .untag(mention: k, tags: [rng.pick(["billing", "Urgent", "vip"])])
                case 5: a = .reply(mention: k, reply: ReplyRecord(text: "Danke!", actor: "bo", at: now))
                case 6: a = .handoff(mention: k, team: "billing", note: nil)
                default: a = .note(mention: k, text: "n")
                }
                actions.append((a, rng.pick(["anna", "bo"])))
            }
            for (a, actor) in actions { try store.record([a], actor: actor, now: now) }
            if part == 1 {
                try store.recordAnalysis(
                    mentions.prefix(200).filter { _ in rng.chance(0.2) }.map {
                        AnalysisRecord(
                            key: $0.key,
                            analysis: Analysis(lang: "de", sentiment: .negative, score: -1, intents: [.complaint]))
                    })
            }
        }
        let team = try JSONDecoder().decode(
            TeamConfig.self,
            from: Data(#"{"brand": {"name": "Acme", "terms": ["@acme", "shop.example", "Acme"]}}"#.utf8))
        let env = QueryEnvironment(me: "anna", now: now, own: OwnAccounts(team: team))
        let index = try HistoryIndex(dir: dir)
        let reference = try Store(dir: dir, mode: .readOnly)
        let states = reference.states()
        XCTAssertEqual(try index.mentionCount(), reference.count)

        var queries = QuerySQLDifferentialTests.fieldTerms + QuerySQLDifferentialTests.fragments
        for _ in 0..<300 { queries.append(randomQuery(&rng, depth: 0)) }
        var checked = 0
        for text in queries {
            guard let q = try? Query.parse(text) else { continue }
            let matcher = QueryMatcher(q, environment: env)
            let expected = Set(matcher.filter(reference.mentions, states: states).map { reference.mentions[$0].key })
            let got = try index.keys(matching: q, environment: env)
            XCTAssertEqual(Set(got), expected, "query: \(text)")
            XCTAssertEqual(got.count, expected.count, "query: \(text) (duplicates)")
            XCTAssertEqual(try index.count(q, environment: env), expected.count, "count: \(text)")
            // Pages of 7 (the scan-first plan for words in windows sized by what they matched, then the full-text
            // plan, also after a scan that found part of a page) walk the same list.
            index.scanWindow = checked % 2 == 0 ? 30 : 5000
            index.scanLimit = checked % 4 == 0 ? 70 : 100_000
            var paged: [String] = []
            var cursor: HistoryIndex.PageCursor?
            repeat {
                let page = try index.search(q, environment: env, limit: 7, after: cursor)
                paged += page.mentions.map(\.mention.key)
                cursor = page.next
            } while cursor != nil && paged.count <= expected.count
            XCTAssertEqual(paged, got, "pages: \(text)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 350)
    }

    func randomQuery(_ rng: inout Rng, depth: Int) -> String {
        let n = 1 + rng.int(3)
        var parts: [String] = []
        for _ in 0..<n {
            var t: String
            switch rng.int(depth < 2 ? 6 : 4) {
            case 0, 1: t = rng.pick(QuerySQLDifferentialTests.fieldTerms)
            case 2, 3: t = rng.pick(QuerySQLDifferentialTests.fragments)
            default: t = "(" + randomQuery(&rng, depth: depth + 1) + ")"
            }
            if rng.chance(0.2) { t = "-" + t }
            parts.append(t)
        }
        return parts.joined(separator: rng.chance(0.3) ? " OR " : " ")
    }
}
