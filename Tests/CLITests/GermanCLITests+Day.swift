import Foundation
import XCTest

/// Issue 21: a German day on the command line beyond triage — contacts, the outbox, sources, sync, migrate, a
/// feed, a thread, moderation, media, brands, the log, hand-offs and the administrative commands — with a mistake
/// each; nothing comes back in English, numbers and dates are written the German way.
extension GermanCLITests {
    func testTheRestOfAGermanDayMeetsNoEnglish() throws {
        let d = CLI.tempDataDir()
        let config = NSTemporaryDirectory() + "sb-de-config-\(UUID().uuidString)"
        addTeardownBlock {
            try? FileManager.default.removeItem(atPath: d)
            try? FileManager.default.removeItem(atPath: config)
        }
        XCTAssertEqual(try CLI.run(["init", "--lang", "de", "--data-dir", d, "--brand", "Nordlicht"]).status, 0)
        let lines = [
            #"{"platform":"mastodon","id":"de-1","text":"Seit heute früh keine Rückerstattung, warum?","created_at":"2026-11-27T10:00:00Z","lang":"de","author":{"handle":"lena@social.example","followers":1200}}"#,
            #"{"platform":"mastodon","id":"de-2","text":"Großartiger Service, danke Nordlicht!","created_at":"2026-11-27T11:00:00Z","lang":"de","author":{"handle":"jonas@social.example","followers":80}}"#,
        ]
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d], stdin: lines.joined(separator: "\n") + "\n").status, 0)
        let content: Set<String> = [
            "Seit", "heute", "früh", "keine", "Rückerstattung", "warum", "Großartiger", "Service", "danke", "Nordlicht",
            "lena", "jonas", "social", "example", "mastodon", "Mastodon",
        ]
        let all = try CLI.run(["mentions", "list", "--data-dir", d]).out
        let key = String((all.split(separator: "\n").first { $0.contains("lena") } ?? "").prefix { $0 != " " })

        // Contacts: the list, a card with German numbers, a role and a note; an unknown contact.
        let people = try assertAllGerman(["contacts", "list"], in: d, data: content)
        XCTAssertTrue(people.out.contains("REICHWEITE"), people.out)
        XCTAssertTrue(people.out.contains("1.200"), people.out)
        let card = try assertAllGerman(["contacts", "show", "@lena@social.example"], in: d, data: content)
        XCTAssertTrue(card.out.contains("1.200 Follower"), card.out)
        XCTAssertTrue(card.out.contains("Identitäten:"), card.out)
        try assertAllGerman(["contacts", "role", "@lena@social.example", "+fan"], in: d, data: content.union(["fan"]))
        let note = try assertAllGerman(
            ["contacts", "note", "@lena@social.example", "Stammkundin"], in: d, data: content.union(["Stammkundin"]))
        XCTAssertTrue(note.out.contains("Notiz: Stammkundin"), note.out)
        let nobody = try assertAllGerman(["contacts", "show", "zzzzzz"], in: d, status: 1)
        XCTAssertTrue(nobody.err.contains("kein Kontakt zzzzzz"), nobody.err)

        // The outbox (empty), and an id it does not know.
        let box = try assertAllGerman(["outbox", "list"], in: d)
        XCTAssertTrue(box.out.contains("Im Postausgang wartet nichts."), box.out)
        let nobox = try assertAllGerman(["outbox", "cancel", "zzzzzz"], in: d, status: 1)
        XCTAssertTrue(nobox.err.contains("kein Postausgangseintrag zzzzzz"), nobox.err)

        // Sources, a source that is not there, sync without a site, migrate.
        let sources = try assertAllGerman(["sources", "list"], in: d, data: ["inbox", "alerts", "jsonl", "rss"])
        XCTAssertTrue(sources.out.contains("Es läuft kein Listener"), sources.out)
        try assertAllGerman(
            ["sources", "poll", "gibtsnicht"], in: d, status: 1, data: ["gibtsnicht", "inbox", "alerts"])
        // The guided `sources add` without what it needs, in German.
        let badURL = try assertAllGerman(
            ["sources", "add", "--type", "rss", "--id", "blog", "--url", "kein-link"], in: d, status: 2,
            data: ["kein", "link"])
        XCTAssertTrue(badURL.err.contains("ist keine http(s)-URL"), badURL.err)
        let noToken = try assertAllGerman(
            ["sources", "add", "--type", "mastodon", "--id", "m2", "--instance", "https://social.example"], in: d,
            status: 2)
        XCTAssertTrue(noToken.err.contains("oder starten Sie im Terminal"), noToken.err)
        let sync = try assertAllGerman(["sync"], in: d, status: 1)
        XCTAssertTrue(sync.err.contains("hat keinen Standortnamen"), sync.err)
        try assertAllGerman(["migrate", "--help"], in: nil)
        try assertAllGerman(["migrate", "--site", "berlin"], in: d + "-fehlt", status: 1)

        // A feed from a file, and one that is not there.
        let feed = d + "/nordlicht.xml"
        try Data(
            """
            <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Nordlicht Blog</title>
            <link>https://blog.example/</link><item><title>Neue Tarife</title><link>https://blog.example/tarife</link>
            <pubDate>Fri, 27 Nov 2026 09:00:00 +0000</pubDate><description>Ab Montag günstiger.</description></item>
            </channel></rss>
            """.utf8
        ).write(to: URL(fileURLWithPath: feed))
        let parsed = try assertAllGerman(
            ["feed", "parse", feed], in: nil,
            data: ["Nordlicht", "Blog", "Neue", "Tarife", "Ab", "Montag", "günstiger"])
        XCTAssertTrue(parsed.out.contains("Einträge: 1"), parsed.out)
        XCTAssertTrue(parsed.out.contains("27.11.2026 09:00 UTC"), parsed.out)
        let missing = try assertAllGerman(["feed", "parse", d + "/fehlt.xml"], in: nil, status: 1)
        XCTAssertTrue(missing.err.contains("Datei oder Verzeichnis nicht gefunden"), missing.err)

        // The thread of a stored mention (no source to fetch from: said in German), and an unknown key.
        let thread = try assertAllGerman(["thread", key], in: d, data: content)
        XCTAssertTrue(thread.out.contains("1 Beitrag (1 gespeichert, 0 nur im Netzwerk)"), thread.out)
        XCTAssertTrue(thread.out.contains("27.11.2026 10:00 UTC"), thread.out)
        try assertAllGerman(["thread", "zzzzzz"], in: d, status: 1)

        // Moderation: Mastodon offers no hiding (the error path), and an unknown kind.
        let hide = try assertAllGerman(["moderate", key, "hide"], in: d, status: 1, data: content)
        XCTAssertTrue(hide.err.contains("nicht verborgen"), hide.err)
        try assertAllGerman(
            ["moderate", key, "verstecken"], in: d, status: 2,
            data: Set(
                ["verstecken"]
                    + "hide unhide delete hold approve reject remove lock unlock mute unmute block unblock report"
                    .split(separator: " ").map(String.init)))

        // Media: empty, one image without alt text, its alt text; a name that is not there.
        try assertAllGerman(["media", "list"], in: d)
        let png = d + "/logo.png"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 1400)).write(
            to: URL(fileURLWithPath: png))
        try assertAllGerman(["media", "add", png], in: d, data: ["logo", "png"])
        let listed = try assertAllGerman(["media", "list"], in: d, data: ["logo", "png"])
        XCTAssertTrue(listed.out.contains("1.408"), listed.out)
        try assertAllGerman(["media", "alt", "logo.png", "Das Logo"], in: d, data: ["logo", "png", "Das", "Logo"])
        try assertAllGerman(["media", "alt", "fehlt.png", "x"], in: d, status: 1, data: ["fehlt", "png"])

        // Brands: none listed yet (an error), then one.
        let env = ["XDG_CONFIG_HOME": config]
        try assertAllGerman(["brands"], in: nil, status: 1, env: env)
        try FileManager.default.createDirectory(atPath: config + "/switchboard", withIntermediateDirectories: true)
        try Data(#"{"brands": [{"name": "Nordlicht", "dir": "\#(d)"}]}"#.utf8).write(
            to: URL(fileURLWithPath: config + "/switchboard/brands.json"))
        let brands = try assertAllGerman(["brands"], in: nil, env: env, data: ["Nordlicht"])
        XCTAssertTrue(brands.out.contains("ÜBERFÄLLIG"), brands.out)

        // Hand-off, its list, an answer from a team it was never handed to; routing, keys, claim, the log.
        try assertAllGerman(["handoff", key, "--team", "Buchhaltung"], in: d, data: ["Buchhaltung"])
        try assertAllGerman(["handoff", "list"], in: d, data: content.union(["Buchhaltung"]))
        let other = String((all.split(separator: "\n").first { $0.contains("jonas") } ?? "").prefix { $0 != " " })
        try assertAllGerman(["handoff", "reply", other, "--text", "Erledigt"], in: d, status: 1, data: ["Erledigt"])
        try assertAllGerman(["routing", "test"], in: d, data: ["routing", "name", "when", "team", "command", "dir"])
        try assertAllGerman(["claim", other], in: d)
        let log = try assertAllGerman(["log"], in: d, data: content.union(["Buchhaltung", "Stammkundin", "fan"]))
        XCTAssertTrue(log.out.contains("Kontakt "), log.out)
        try assertAllGerman(["log", "--since", "gestern"], in: d, status: 2, data: ["gestern"])

        // The administrative commands. An index that cannot be read is rebuilt, and says so in German (only the
        // database library's own words stay as it gave them).
        let index = d + "/index/history.sqlite"
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index + suffix) }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: index))
        let rebuilt = try assertAllGerman(
            ["mentions", "list"], in: d, data: content.union(["SQLite", "error", "file", "is", "not", "a", "database"]))
        XCTAssertTrue(
            rebuilt.err.contains("der Index wird neu aufgebaut: er konnte nicht gelesen werden"), rebuilt.err)
        try assertAllGerman(["reindex"], in: d)
        try assertAllGerman(["reanalyze"], in: d)
        try assertAllGerman(["compact"], in: d)
        try assertAllGerman(["publish-due"], in: d)
        try assertAllGerman(["doctor"], in: d)
        try assertAllGerman(["ingest", d + "/fehlt.jsonl"], in: d, status: 1)
    }
}
