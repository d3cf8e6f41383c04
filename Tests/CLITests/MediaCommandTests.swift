import Foundation
import SwitchboardCore
import XCTest

/// `switchboard media add|list|alt` and `queue add --media NAME` with the library's alt text, and `queue show` with
/// how a published post did, against the real binary.
final class MediaCommandTests: XCTestCase {
    func dataDir() throws -> String {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d]).status, 0)
        let teamURL = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: teamURL)) as! [String: Any]
        team["sources"] = [
            ["id": "masto", "type": "mastodon", "instance": "http://127.0.0.1:9", "token_file": "secrets/masto.token"]
        ]
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(to: teamURL)
        return d
    }

    func file(_ name: String, _ bytes: Int = 64) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-media-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data(repeating: 0xFF, count: bytes).write(to: url)
        return url.path
    }

    func testAddListAndQueueWithTheStoredAltText() throws {
        let d = try dataDir()
        let src = try file("Brötchen-groß.jpg", 1234)
        let alt = "Ein Korb frischer Brötchen auf dem Tresen"
        let add = try CLI.run(["media", "add", src, "--alt", alt, "--data-dir", d])
        XCTAssertEqual(add.status, 0, add.err)
        XCTAssertEqual(add.out, "Brötchen-groß.jpg: added\n")
        XCTAssertEqual(
            try String(contentsOfFile: d + "/media/Brötchen-groß.jpg.alt.txt", encoding: .utf8), alt + "\n")
        let plain = try CLI.run(["media", "add", try file("logo.png"), "--data-dir", d])
        XCTAssertEqual(plain.out, "logo.png: added (no alt text: add it with `media alt`)\n")

        let list = try CLI.run(["media", "list", "--data-dir", d])
        XCTAssertEqual(list.status, 0, list.err)
        let rows = list.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(rows.count, 3, list.out)
        XCTAssertTrue(rows[1].hasPrefix("Brötchen-groß.jpg") && rows[1].hasSuffix(alt), rows[1])
        XCTAssertTrue(rows[2].hasPrefix("logo.png") && rows[2].hasSuffix("(none)"), rows[2])

        // The alt text comes along; pre-flight warns about the file without one.
        let q = try CLI.run(
            [
                "queue", "add", "Frisch aus dem Ofen", "--media", "Brötchen-groß.jpg", "--media", "logo.png", "--json",
                "--data-dir", d,
            ])
        XCTAssertEqual(q.status, 0, q.err)
        let item = try JSONSerialization.jsonObject(with: Data(q.out.utf8)) as! [String: Any]
        let media = item["media"] as! [[String: Any]]
        XCTAssertEqual(media.map { $0["alt"] as? String }, [alt, nil])
        XCTAssertEqual(media.first?["path"] as? String, d + "/media/Brötchen-groß.jpg")
        let warnings = (item["warnings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        XCTAssertTrue(warnings.contains("logo.png has no alt text (--alt)"), "\(warnings)")
        XCTAssertFalse(warnings.contains { $0.contains("Brötchen") }, "\(warnings)")

        // Alt text set later is used by the next post.
        XCTAssertEqual(try CLI.run(["media", "alt", "logo.png", "Das Acme-Logo", "--data-dir", d]).status, 0)
        let again = try CLI.run(["queue", "add", "Logo", "--media", "logo.png", "--json", "--data-dir", d])
        let m2 = (try JSONSerialization.jsonObject(with: Data(again.out.utf8)) as! [String: Any])["media"]
        XCTAssertEqual((m2 as? [[String: Any]])?.first?["alt"] as? String, "Das Acme-Logo")
    }

    func testBadInputIsRefusedAndNothingIsLost() throws {
        let d = try dataDir()
        let src = try file("bild.jpg")
        XCTAssertEqual(try CLI.run(["media", "add", src, "--alt", "Erstes", "--data-dir", d]).status, 0)
        let twice = try CLI.run(["media", "add", try file("bild.jpg", 9), "--data-dir", d])
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.err.contains("has a file called bild.jpg already (--replace overwrites it)"), twice.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: d + "/media/bild.jpg")).count, 64, "kept")
        let missing = try CLI.run(["media", "add", "/nonexistent/x.jpg", "--data-dir", d])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("cannot read the media file /nonexistent/x.jpg"), missing.err)
        let bad = try CLI.run(["media", "add", src, "--name", "../evil.jpg", "--data-dir", d])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("not a media name"), bad.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: d + "/evil.jpg"))
        let unknown = try CLI.run(["queue", "add", "x", "--media", "nope.jpg", "--data-dir", d])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.err.contains("media library has no file of that name"), unknown.err)
        XCTAssertEqual(try CLI.run(["media", "alt", "nope.jpg", "x", "--data-dir", d]).status, 1)
    }

    func testQueueShowPrintsHowThePostDid() throws {
        let d = try dataDir()
        let q = try CLI.run(["queue", "add", "Winterröstung ist da", "--data-dir", d])
        let id = String(q.out.split(separator: ":").first ?? "")
        let store = try Store(dir: DataDirectory(root: URL(fileURLWithPath: d)))
        let at = Timestamp.parse("2026-11-26T13:00:00Z")!
        _ = try store.record(
            [.queue(.published(id: id, account: "masto", postID: "9001", url: nil))], actor: "anna", now: at)
        for (n, likes) in [(1, 12), (2, 30)] {
            _ = try store.record(
                [
                    PostMetrics(
                        queue: id, account: "masto", postID: "9001", likes: likes, reposts: 3, replies: 2, at: at
                    ).action
                ],
                actor: "listener", now: at.addingTimeInterval(Double(n) * 3600))
        }
        let show = try CLI.run(["queue", "show", id, "--data-dir", d])
        XCTAssertEqual(show.status, 0, show.err)
        XCTAssertTrue(
            show.out.contains(
                "masto: published\n  how it did (2026-11-26T15:00:00Z, reading 2): likes 30 · reposts 3 · replies 2\n"),
            show.out)
        let json = try CLI.run(["queue", "show", id, "--json", "--data-dir", d])
        let item = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        let m = (item["metrics"] as? [String: Any])?["masto"] as? [String: Any]
        XCTAssertEqual(m?["likes"] as? Int, 30)
        XCTAssertEqual(m?["post_id"] as? String, "9001")
    }
}
