import Foundation
import XCTest

@testable import SwitchboardCore

/// Issue 15: the brand's own posts need no answer (SLA, `is:` queries), handles are stored once without `@`,
/// and searches fold German spellings both ways.
final class OwnPostsTests: XCTestCase {
    let now = Timestamp.parse("2026-11-27T12:00:00Z")!
    /// The demo's brand terms: `@acmecloud` (any server) and a Bluesky handle.
    let team = TeamConfig(
        brand: .init(name: "Acme Cloud", terms: ["Acme Cloud", "@acmecloud", "#AcmeCloud", "acmecloud.bsky.social"]),
        sla: .init(firstResponseMinutes: 60))

    func post(_ id: String, by handle: String, _ text: String, minutesAgo: Double = 180, intents: [Intent] = [])
        -> Mention
    {
        Mention(
            platform: handle.contains("bsky") ? "bluesky" : "mastodon", id: id, text: text,
            createdAt: now.addingTimeInterval(-minutesAgo * 60), author: Author(handle: handle),
            analysis: Analysis(lang: "de", sentiment: .negative, score: -0.5, intents: intents))
    }

    func testOwnAccountsFromBrandTermsSourcesAndSettings() {
        var t = team
        t.extra["contacts"] = .object(["own_accounts": .array([.string("@support@social.example")])])
        let own = OwnAccounts(team: t)
        XCTAssertTrue(own.contains(handle: "acmecloud@mastodon.social"))
        XCTAssertTrue(own.contains(handle: "@AcmeCloud@mastodon.social"))
        XCTAssertTrue(own.contains(handle: "acmecloud.bsky.social"))
        XCTAssertTrue(own.contains(handle: "support@social.example"))
        XCTAssertFalse(own.contains(handle: "carla_berlin@mastodon.social"))
        XCTAssertFalse(own.contains(handle: "acmecloudfan@mastodon.social"))
        XCTAssertFalse(OwnAccounts(team: nil).contains(handle: "acmecloud@mastodon.social"))
    }

    func testARedditSourcesUserNameIsOurs() {
        var t = team
        var rd = SourceConfig(id: "reddit", type: "reddit")
        rd.username = "AcmeCloud_Support"
        t.sources = [rd]
        let own = OwnAccounts(team: t)
        XCTAssertTrue(own.contains(handle: "acmecloud_support"))
        XCTAssertFalse(own.contains(handle: "acmecloud_supporter"))
        XCTAssertFalse(OwnAccounts(team: team).contains(handle: "acmecloud_support"))
    }

    func testOwnPostsAreNeverDueNorOverdue() throws {
        let sla = try SLA(team: team)
        let ours = post("o1", by: "acmecloud@mastodon.social", "Wir untersuchen eine Störung", intents: [.crisis])
        let theirs = post("c1", by: "carla@mastodon.social", "Sync kaputt!", intents: [.complaint])
        let new = MentionState()
        XCTAssertFalse(sla.needsAnswer(ours, state: new))
        XCTAssertFalse(sla.isOverdue(ours, state: new, now: now), "three hours old, but ours")
        XCTAssertTrue(sla.needsAnswer(theirs, state: new))
        XCTAssertTrue(sla.isOverdue(theirs, state: new, now: now))
    }

    func testIsQueriesLeaveOwnPostsOutAndIsOwnFindsThem() throws {
        let ours = post("o1", by: "acmecloud.bsky.social", "Update: Störung behoben", intents: [.complaint, .crisis])
        let theirs = post("c1", by: "carla@mastodon.social", "Störung seit heute früh", intents: [.complaint])
        let env = QueryEnvironment(me: "anna", now: now, defaultSLAMinutes: 60, own: OwnAccounts(team: team))
        func names(_ q: String) throws -> [String] {
            let m = QueryMatcher(try Query.parse(q), environment: env)
            return m.filter([ours, theirs], states: [:]).map { [ours, theirs][$0].id }
        }
        for q in ["is:new", "is:open", "is:overdue", "is:complaint", "is:negative", "is:unassigned", "is:crisis"] {
            XCTAssertEqual(try names(q), q == "is:crisis" ? [] : ["c1"], q)
        }
        XCTAssertEqual(try names("is:own"), ["o1"])
        XCTAssertEqual(try names("-is:own"), ["c1"])
        XCTAssertEqual(try names("störung"), ["o1", "c1"], "plain words still find our posts")
        XCTAssertEqual(try names("status:new"), ["o1", "c1"], "status: is the stored state, as before")
        // Without own accounts (no team) nothing changes.
        let plain = QueryMatcher(try Query.parse("is:complaint"), environment: QueryEnvironment(me: "anna", now: now))
        XCTAssertEqual(plain.filter([ours, theirs], states: [:]), [0, 1])
        XCTAssertEqual(try Query.parse("is:ours").text, "is:ours")
    }

    func testSearchFoldsGermanSpellingsBothWays() throws {
        let umlaut = post("u", by: "a@x.example", "Große Störung bei der Übertragung, ärgerlich")
        let spelled = post("s", by: "b@x.example", "Grosse Stoerung bei der Uebertragung, aergerlich")
        func hits(_ q: String) throws -> [String] {
            let m = QueryMatcher(try Query.parse(q), environment: QueryEnvironment(me: "anna", now: now))
            return m.filter([umlaut, spelled], states: [:]).map { [umlaut, spelled][$0].id }
        }
        for q in [
            "stoerung", "Störung", "STÖRUNG", "große", "grosse", "übertragung", "uebertragung", "ärgerlich",
            "aergerlich", "\"große störung\"", "\"grosse stoerung\"",
        ] {
            XCTAssertEqual(try hits(q), ["u", "s"], q)
        }
        XCTAssertEqual(try hits("storung"), ["u"], "without the e only the umlaut spelling matches, as before")
        XCTAssertEqual(QueryText.needles("stoerung").count, 2)
    }

    func testHandlesAreStoredWithoutLeadingAt() throws {
        let line =
            #"{"platform":"mastodon","id":"1","text":"hi","created_at":"2026-11-27T09:00:00Z","author":{"handle":"@p0"}}"#
        let m = try ImportFormat.decode(line: line).get()
        XCTAssertEqual(m.author?.handle, "p0")
        let line2 =
            #"{"platform":"mastodon","id":"2","text":"hi","created_at":"2026-11-27T09:00:00Z","author":" @@anna@social.example"}"#
        XCTAssertEqual(try ImportFormat.decode(line: line2).get().author?.handle, "anna@social.example")
        XCTAssertEqual(Author.normalized(handle: "@"), "@")
        // The quick path (ASCII at both ends) and Foundation's trimming agree at every edge.
        for (raw, want) in [
            ("anna", "anna"), ("anna@social.example", "anna@social.example"), (" anna", "anna"), ("anna\t", "anna"),
            ("\t@anna ", "anna"), ("@anna", "anna"), ("a", "a"), ("", ""), ("  ", ""), ("\u{00A0}anna", "anna"),
            ("anna\u{2003}", "anna"), ("ännä", "ännä"), ("a\u{0301}", "a\u{0301}"), ("@\u{0301}x", "@\u{0301}x"),
            ("anna\n", "anna\n"),
        ] {
            XCTAssertEqual(Author.normalized(handle: raw), want, raw.debugDescription)
        }
        // Other ingestion paths (a source that sends `@acct`) are normalised when stored.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-own-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileIO.makeDirectory(root)
        let store = try Store(dir: DataDirectory(root: root))
        try store.ingest(
            [
                Mention(
                    platform: "mastodon", id: "3", text: "x", createdAt: now, author: Author(handle: "@bob@h.example"))
            ],
            now: now)
        XCTAssertEqual(try Store(dir: DataDirectory(root: root)).mentions.first?.author?.handle, "bob@h.example")
    }
}
