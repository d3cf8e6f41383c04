import Foundation
import SwitchboardCore
import XCTest

/// `switchboard contacts …` on a small data directory whose mentions carry fixed analyses.
final class ContactsCommandTests: XCTestCase {
    let now = Date()

    func m(
        _ id: String, _ platform: String, _ handle: String, name: String, followers: Int? = nil, _ s: Sentiment,
        hoursAgo: Double,
        url: String? = nil, kind: String? = nil, text: String = "about Acme"
    ) -> Mention {
        // Down, never up: rounded up by a fraction of a second, "2 hours ago" read 1h when the CLI answered at once.
        let at = Date(timeIntervalSince1970: (now.timeIntervalSince1970 - hoursAgo * 3600).rounded(.down))
        return Mention(
            platform: platform, id: id, text: text, createdAt: at, fetchedAt: at, url: url,
            author: Author(handle: handle, name: name, followers: followers), extra: kind.map { ["kind": .string($0)] },
            analysis: Analysis(
                lang: "en", sentiment: s, score: s == .positive ? 0.5 : s == .negative ? -0.5 : 0, intents: []))
    }

    func setUpData() throws -> (String, [Mention]) {
        let d = CLI.tempDataDir()
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme Cloud"]).status, 0)
        let ms = [
            m("1", "mastodon", "anna@social.example", name: "Anna", followers: 800, .positive, hoursAgo: 50),
            m("2", "mastodon", "anna@social.example", name: "Anna", followers: 800, .positive, hoursAgo: 3),
            m("3", "bluesky", "anna.bsky.social", name: "Anna K", followers: 300, .positive, hoursAgo: 5),
            m("4", "mastodon", "ben@mas.to", name: "Ben", followers: 50, .negative, hoursAgo: 30),
            m("5", "mastodon", "ben@mas.to", name: "Ben", followers: 50, .negative, hoursAgo: 2),
            m(
                "6", "rss", "Former Employee - Support, Austin", name: "Former Employee - Support, Austin", .negative,
                hoursAgo: 26,
                url: "https://www.workvoice.com/reviews/1", kind: "reviews", text: "Layoffs with a 15-minute all-hands"),
        ]
        let store = try Store(dir: DataDirectory(root: URL(fileURLWithPath: d)))
        try store.ingest(ms)
        try store.record(
            [
                .reply(
                    mention: ms[1].key,
                    reply: ReplyRecord(text: "Thanks Anna!", actor: "ben", at: ms[1].createdAt.addingTimeInterval(600)))
            ],
            actor: "ben")
        return (d, ms)
    }

    func testListShowMergeRoleNoteSplit() throws {
        let (d, ms) = try setUpData()
        let annaID = Contact.id(forPrimary: "mastodon:anna@social.example")
        let list = try CLI.run(["contacts", "list", "--data-dir", d])
        XCTAssertEqual(list.status, 0, list.err)
        XCTAssertEqual(
            list.out.split(separator: "\n").map(String.init),
            [
                "ID          NAME                      HANDLE                          REACH  MENTIONS  SENTIMENT  ROLES             LAST",
                "\(Contact.id(forPrimary: "mastodon:ben@mas.to"))  Ben                       @ben@mas.to                     50     2         -0.50      critic*           2h",
                "\(annaID)  Anna                      @anna@social.example            800    2         +0.50      fan*              3h",
                "\(Contact.id(forPrimary: "bluesky:anna.bsky.social"))  Anna K                    @anna.bsky.social               300    1         +0.50      -                 5h",
                "\(Contact.id(forPrimary: "rss:workvoice.com/former employee - support, austin"))  Former Employee - Suppo…  Former Employee - Support, Au…  0      1         -0.50      former-employee*  1d",
            ])

        let merge = try CLI.run(["contacts", "merge", "--data-dir", d, "@anna@social.example", "anna.bsky.social"])
        XCTAssertEqual(merge.status, 0, merge.err)
        XCTAssertEqual(merge.out, "\(annaID): merged bluesky:anna.bsky.social into Anna\n")
        let byReach = try CLI.run(["contacts", "list", "--data-dir", d, "--sort", "reach", "--limit", "1"])
        XCTAssertEqual(
            byReach.out.split(separator: "\n").last.map(String.init),
            "\(annaID)  Anna  @anna@social.example +1  1,100  3         +0.50      fan*   3h")

        XCTAssertEqual(
            try CLI.run(["contacts", "role", "--data-dir", d, String(annaID.prefix(6)), "-fan", "+customer"]).out,
            "\(annaID): Anna: roles +customer -fan\n")
        XCTAssertEqual(
            try CLI.run(["contacts", "note", "--data-dir", d, annaID, "Sent", "a", "review", "unit"]).status, 0)
        let bad = try CLI.run(["contacts", "role", "--data-dir", d, annaID, "+vip"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(
            bad.err.contains(
                "unknown role \"+vip\"; roles: fan, multiplier, critic, customer, employee, former-employee, journalist, competitor"
            ), bad.err)

        let show = try CLI.run(["contacts", "show", "--data-dir", d, "anna.bsky.social"])
        XCTAssertEqual(show.status, 0, show.err)
        let lines = show.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "Anna  (contact \(annaID))")
        XCTAssertEqual(lines[3], "  NETWORK   HANDLE                          FOLLOWERS  MENTIONS  URL")
        XCTAssertEqual(lines[4], "  mastodon  @anna@social.example (primary)  800        2         -")
        XCTAssertEqual(lines[5], "  bluesky   @anna.bsky.social               300        1         -")
        XCTAssertTrue(lines.contains("reach:    1,100 followers"), show.out)
        XCTAssertTrue(lines.contains("mentions: 3 (3 positive, 0 neutral, 0 negative), mean +0.50"), show.out)
        XCTAssertTrue(lines.contains("roles:    customer (set)"), show.out)
        XCTAssertTrue(lines.contains("removed:  fan"), show.out)
        XCTAssertTrue(lines.contains { $0.hasSuffix(" anna: Sent a review unit") }, show.out)
        let history = lines.drop { $0 != "History:" }.dropFirst().filter { !$0.isEmpty }
        XCTAssertEqual(history.count, 5, show.out)
        XCTAssertTrue(history[0].hasPrefix("  TIME "), history[0])
        XCTAssertTrue(history[2].contains("mention +  \(ms[2].key)  -    about Acme"), history[2])
        XCTAssertTrue(history[4].contains("reply      \(ms[1].key)  ben  Thanks Anna!"), history[4])

        let json = try CLI.run(["contacts", "show", "--data-dir", d, annaID, "--json"])
        let o = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        XCTAssertEqual(o["roles"] as? [String], ["customer"])
        XCTAssertEqual(o["removed_roles"] as? [String], ["fan"])
        XCTAssertEqual((o["suggested_roles"] as? [String: String])?["fan"], "3 positive mentions")
        XCTAssertEqual(
            (o["identities"] as? [[String: Any]])?.map { $0["key"] as? String },
            ["mastodon:anna@social.example", "bluesky:anna.bsky.social"])
        XCTAssertEqual(
            (o["sentiment_over_time"] as? [[String: Any]])?.count, Set(ms.prefix(3).map { dayUTC($0.createdAt) }).count)

        let primary = try CLI.run(["contacts", "split", "--data-dir", d, annaID, "@anna@social.example"])
        XCTAssertEqual(primary.status, 1)
        XCTAssertEqual(
            primary.err,
            "switchboard: mastodon:anna@social.example is the primary identity of Anna (\(annaID)); split the other identities off instead\n"
        )
        XCTAssertEqual(
            try CLI.run(["contacts", "split", "--data-dir", d, annaID, "anna.bsky.social"]).out,
            "\(annaID): split bluesky:anna.bsky.social off Anna\n")
        let after = try CLI.run(["contacts", "list", "--data-dir", d, "--json"])
        XCTAssertEqual(after.out.split(separator: "\n").count, 4)
    }

    func testMergedIdentitiesAreOnePersonInTheReport() throws {
        let (d, _) = try setUpData()
        func advocates() throws -> [[String: Any]] {
            let r = try CLI.run(["report", "--data-dir", d, "--since", "7d", "--format", "json"])
            XCTAssertEqual(r.status, 0, r.err)
            let o = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
            return (o["advocates"] as! [String: Any])["advocates"] as! [[String: Any]]
        }
        XCTAssertEqual(try advocates().count, 2, "two accounts, two people")
        XCTAssertEqual(
            try CLI.run(["contacts", "merge", "--data-dir", d, "@anna@social.example", "anna.bsky.social"]).status, 0)
        let merged = try advocates()
        XCTAssertEqual(merged.count, 1, "\(merged)")
        XCTAssertEqual(merged.first?["name"] as? String, "Anna")
        XCTAssertEqual(merged.first?["networks"] as? [String], ["bluesky", "mastodon"])
    }

    func testHostileNamesNeverReachTheTerminal() throws {
        let d = CLI.tempDataDir()
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d]).status, 0)
        let evil = m(
            "e1", "mastodon", "evil\u{1B}[2J@x.social", name: "Eve\u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{202E}fdp.exe",
            .negative, hoursAgo: 1)
        try Store(dir: DataDirectory(root: URL(fileURLWithPath: d))).ingest([evil])
        for args in [
            ["contacts", "list"], ["contacts", "show", Contact.id(forPrimary: ContactIdentity.key(of: evil)!)],
            ["contacts", "note", "@evil\u{1B}[2J@x.social", "hi"],
        ] {
            let r = try CLI.run(args + ["--data-dir", d])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertFalse(r.out.contains("\u{1B}") || r.out.contains("\u{202E}") || r.err.contains("\u{1B}"), r.out)
            XCTAssertTrue(r.out.contains("Evefdp.exe") || r.out.contains("hi"), r.out)
        }
    }

    func dayUTC(_ d: Date) -> String { String(Timestamp.format(d).prefix(10)) }

    func testRoleFiltersAndRoleQueries() throws {
        let (d, ms) = try setUpData()
        let json = try CLI.run(["contacts", "list", "--data-dir", d, "--role", "former-employee", "--json"])
        let rows = try json.out.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        XCTAssertEqual(rows.map { $0["name"] as? String }, ["Former Employee - Support, Austin"])
        XCTAssertEqual(rows.first?["roles"] as? [String], ["former-employee"])
        XCTAssertEqual(
            try CLI.run(["contacts", "list", "--data-dir", d, "--query", "ANNA K", "--json"]).out.split(separator: "\n")
                .count, 1)

        let q = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "role:former-employee net:rss"])
        XCTAssertEqual(q.status, 0, q.err)
        XCTAssertEqual(q.out.split(separator: "\n").count, 2)
        XCTAssertTrue(q.out.contains(ms[5].key), q.out)
        let critics = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "role:critic", "--json"])
        XCTAssertEqual(
            Set(
                critics.out.split(separator: "\n").compactMap {
                    (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["key"] as? String
                }),
            [ms[3].key, ms[4].key])
        let unknown = try CLI.run(["contacts", "list", "--data-dir", d, "--role", "boss"])
        XCTAssertEqual(unknown.status, 2)
    }
}
