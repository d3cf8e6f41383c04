import Foundation
import SwitchboardCore
import TestSupport
import XCTest

/// `switchboard reply KEY --media NAME|PATH [--alt TEXT]` (issues 20 and 23) with the real binary against the
/// loopback Mastodon server: a library file goes up with its stored alt text, a path without alt text gets the
/// warning (in English and German), `--alt` overrides the library's; a network whose replies take no images refuses
/// before anything is claimed, queued or sent.
extension ReplyCommandTests {
    /// Answers each `POST /api/v2/media` with ids `200001`, `200002`…
    func mediaUploads() {
        let ids = StatusIDs()
        server.handle("POST", "/api/v2/media") { _ in
            .json(#"{"id":"\#(ids.id(for: UUID().uuidString))","type":"image"}"#, status: 202)
        }
    }

    /// The description (alt text) part of a multipart upload, nil without one.
    func uploadedAlt(_ r: NetworkTestServer.Request) -> String? {
        let text = String(decoding: r.body, as: UTF8.self)
        guard let start = text.range(of: "name=\"description\"\r\n\r\n") else { return nil }
        let rest = text[start.upperBound...]
        return String(rest[..<(rest.range(of: "\r\n")?.lowerBound ?? rest.endIndex)])
    }

    func testReplyWithALibraryImageAndAFileWithoutAltTextUploadsBothThenAnswers() throws {
        let (d, k, _, _) = try dataDir()
        mediaUploads()
        let png = d + "/größe.png", export = d + "/export.png"
        try Data([0x89, 0x50, 0x4E, 0x47, 1]).write(to: URL(fileURLWithPath: png))
        try Data([0x89, 0x50, 0x4E, 0x47, 2]).write(to: URL(fileURLWithPath: export))
        let add = try CLI.run(
            ["media", "add", "--data-dir", d, png, "--name", "Größe 42.png", "--alt", "Tabelle der Schuhgrößen"])
        XCTAssertEqual(add.status, 0, add.err)
        let r = try CLI.run([
            "reply", "--data-dir", d, k, "--text", "Here is the size chart.", "--media", "Größe 42.png",
            "--media", export, "--yes", "--no-delay",
        ])
        XCTAssertEqual(r.status, 0, r.err + r.out)
        XCTAssertTrue(r.out.contains("Image: Größe 42.png — alt text: Tabelle der Schuhgrößen"), r.out)
        XCTAssertTrue(r.out.contains("warning: export.png has no alt text: people using a screen reader"), r.out)
        let uploads = server.requests("POST", "/api/v2/media")
        XCTAssertEqual(uploads.map(uploadedAlt), ["Tabelle der Schuhgrößen", nil])
        let status = try XCTUnwrap(server.requests("POST", "/api/v1/statuses").first?.json)
        XCTAssertEqual(status["media_ids"] as? [String], ["200001", "200002"])
        XCTAssertEqual(status["in_reply_to_id"] as? String, "110002")
        XCTAssertEqual(status["status"] as? String, "@jo@other.example Here is the size chart. ^AS")
    }

    func testAltOverridesTheLibraryAndJSONCarriesTheWarning() throws {
        let (d, k, _, _) = try dataDir()
        mediaUploads()
        let png = d + "/karte.png"
        try Data([0x89, 0x50, 0x4E, 0x47, 1]).write(to: URL(fileURLWithPath: png))
        XCTAssertEqual(try CLI.run(["media", "add", "--data-dir", d, png, "--alt", "Alte Karte"]).status, 0)
        let r = try CLI.run([
            "reply", "--data-dir", d, k, "--text", "Map attached.", "--media", "karte.png", "--alt", "Neue Karte, Süd",
            "--media", png, "--yes", "--no-delay", "--json",
        ])
        XCTAssertEqual(r.status, 0, r.err + r.out)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        XCTAssertEqual(json["state"] as? String, "sent")
        let warnings = try XCTUnwrap(json["warnings"] as? [String])
        XCTAssertTrue(warnings.contains { $0.hasPrefix("karte.png has no alt text") }, "\(warnings)")
        XCTAssertEqual(server.requests("POST", "/api/v2/media").map(uploadedAlt), ["Neue Karte, Süd", nil])
    }

    func testNetworksWithoutImagesInRepliesAndUnknownFilesRefuseBeforeAnything() throws {
        let (d, k, _, rss) = try dataDir()
        let yt = """
            {"platform":"youtube","id":"yt-c1","text":"Wo gibt es die Größentabelle?","created_at":"2026-11-27T09:10:00Z","author":{"handle":"lea"},"source":"yt","reply":{"uri":"yt-c1"}}

            """
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d], stdin: yt).status, 0)
        let png = d + "/größe.png"
        try Data([0x89, 0x50, 0x4E, 0x47, 1]).write(to: URL(fileURLWithPath: png))
        let list = try CLI.run(["mentions", "list", "--data-dir", d, "--json"]).out
        let ytKey = try XCTUnwrap(
            list.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }.first { $0["id"] as? String == "yt-c1" }?["key"] as? String)
        let refused = try CLI.run(["reply", "--data-dir", d, ytKey, "--text", "Hier:", "--media", png, "--yes"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(
            refused.err.contains(
                "YouTube takes only text in replies through its API: send the reply without images"), refused.err)
        let byHand = try CLI.run(["reply", "--data-dir", d, rss, "--text", "Danke", "--media", png, "--yes"])
        XCTAssertNotEqual(byHand.status, 0)
        XCTAssertTrue(byHand.err.contains("RSS is answered by hand: images cannot go with the reply"), byHand.err)
        // Nothing was claimed or queued by the refusals.
        XCTAssertFalse(try CLI.run(["log", "--data-dir", d]).out.contains("claim"))
        // An unknown name or path, in German too.
        let missing = try CLI.run(
            ["reply", "--data-dir", d, k, "--text", "x", "--media", "Schuhgröße.png", "--yes"],
            env: ["LANG": "de_DE.UTF-8"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(
            missing.err.contains(
                "die Mediendatei Schuhgröße.png ist nicht lesbar, und die Mediathek hat keine Datei dieses Namens"),
            missing.err)
        XCTAssertTrue(server.requests.isEmpty, "\(server.requests.map(\.path))")
    }

    func testGermanWarningForAnImageWithoutAltText() throws {
        let (d, k, _, _) = try dataDir()
        mediaUploads()
        let png = d + "/grafik.png"
        try Data([0x89, 0x50, 0x4E, 0x47, 1]).write(to: URL(fileURLWithPath: png))
        let r = try CLI.run(
            ["reply", "--data-dir", d, k, "--text", "Siehe Grafik.", "--media", png, "--yes", "--no-delay"],
            env: ["LANG": "de_DE.UTF-8"])
        XCTAssertEqual(r.status, 0, r.err + r.out)
        XCTAssertTrue(r.out.contains("grafik.png hat keinen Alternativtext: Wer einen Screenreader nutzt"), r.out)
    }
}
