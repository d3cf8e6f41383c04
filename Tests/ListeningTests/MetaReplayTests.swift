import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// The recorded Graph API traffic in `../shared/fixtures/meta` (python-facebook's test data, Apache-2.0), replayed
/// through the decoders and over the loopback server. Skipped when the fixtures are absent.
final class MetaReplayTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures/meta")
    }

    func fixtures() throws -> URL {
        let r = Self.root
        try XCTSkipUnless(
            FileManager.default.fileExists(atPath: r.appendingPathComponent("interactions.jsonl").path),
            "no recorded Meta fixtures at \(r.path)")
        return r
    }

    func body(_ file: String) throws -> Data { try Data(contentsOf: try fixtures().appendingPathComponent(file)) }

    struct Interaction: Decodable {
        struct Response: Decodable { var status: Int?, body: String? }
        var source_file: String, endpoint: String, `class`: String, response: Response
    }

    /// Every recorded listening response that is a page of objects decodes, and every object with an id (or a
    /// permalink to derive one from) becomes a mention with clean text.
    func testEveryRecordedListeningPageDecodes() async throws {
        let root = try fixtures()
        let dir = try GraphFixture.dataDir(self)
        let fb = try FacebookSource(
            config: GraphFixture.config("facebook", server), dataDir: dir, http: TestHTTPClient())
        let ig = try InstagramSource(
            config: GraphFixture.config("instagram", server), dataDir: dir, http: TestHTTPClient())
        var pages = 0, mentions = 0
        let lines = try String(contentsOf: root.appendingPathComponent("interactions.jsonl"), encoding: .utf8)
        for line in lines.split(separator: "\n") {
            let i = try JSONDecoder().decode(Interaction.self, from: Data(line.utf8))
            guard let b = i.response.body, b.contains("\"data\""), i.class == "listen" || i.class == "other" else {
                continue
            }
            guard let obj = try? JSONSerialization.jsonObject(with: Data(b.utf8)) as? [String: Any],
                let items = obj["data"] as? [[String: Any]]
            else { continue }
            let data = Data(b.utf8)
            let ms =
                i.source_file.contains("/instagram") ? try ig.mentions(fromPage: data) : try fb.mentions(fromPage: data)
            pages += 1
            mentions += ms.count
            let keyed = items.filter {
                $0["id"] != nil || ($0["permalink_url"] as? String)?.contains("comment_id=") == true
            }
            XCTAssertEqual(ms.count, keyed.count, i.source_file)
            for m in ms {
                XCTAssertFalse(m.id.isEmpty)
                XCTAssertFalse(m.text.unicodeScalars.contains { $0.value == 0x1B }, i.source_file)
            }
        }
        XCTAssertGreaterThan(pages, 20)
        XCTAssertGreaterThan(mentions, 100)
    }

    /// The recorded Facebook comments have no `id` field (not asked for): ids and parents come from the permalinks.
    func testRecordedFacebookCommentsGetIdsAndParentsFromTheirPermalinks() async throws {
        let dir = try GraphFixture.dataDir(self)
        let fb = try FacebookSource(
            config: GraphFixture.config("facebook", server), dataDir: dir, http: TestHTTPClient())
        let ms = try fb.mentions(
            fromPage: try body("testdata/facebook/apidata/comments/comments_p1.json"),
            root: "19292868552_10158407654328553")
        XCTAssertEqual(ms.count, 10)
        XCTAssertEqual(ms[0].id, "10158407654328553_10158407835073553")
        XCTAssertEqual(ms[0].reply?.visibility, "comment")
        let reply = try XCTUnwrap(ms.first { $0.id == "10158407654328553_10158409983033553" })
        XCTAssertEqual(reply.reply?.rootCID, "10158407654328553_10158407903973553")
        XCTAssertEqual(reply.inReplyTo, "10158407654328553_10158407903973553")
        XCTAssertEqual(
            reply.text, "Hi, please access the Instagram Help Center for further assistance: http://bit.ly/2NsSg8i")
        XCTAssertEqual(Timestamp.format(reply.createdAt), "2021-08-11T23:22:14Z")
    }

    /// An Instagram poll replayed over loopback: the recorded media list, its comments (two pages, the second
    /// reached through the recorded `paging.next` on graph.facebook.com, rebased to the loopback server), the tags,
    /// a hashtag search and its recent media.
    func testInstagramPollOverTheRecordedResponses() async throws {
        let dir = try GraphFixture.dataDir(self)
        func file(_ f: String) throws -> NetworkTestServer.Response {
            NetworkTestServer.Response(
                headers: ["Content-Type": "application/json"], body: try body("testdata/instagram/apidata/" + f))
        }
        server.on("GET", "/v24.0/1784100/media", try file("users/medias_p1.json"))
        server.on("GET", "/v24.0/17896622936197745/comments", try file("medias/comments_p1.json"))
        server.on("GET", "/v11.0/17846368219941692/comments", try file("medias/comments_p2.json"))
        server.on("GET", "/v24.0/1784100/tags", try file("users/tagged_medias.json"))
        server.on("GET", "/v24.0/ig_hashtag_search", try file("users/hashtag_search.json"))
        server.on("GET", "/v24.0/17841562426109234/recent_media", try file("hashtags/hashtag_recent_medias_p1.json"))
        var c = GraphFixture.config("instagram", server)
        c.hashtags = ["developers"]
        let s = try InstagramSource(config: c, dataDir: dir, http: TestHTTPClient(), now: { GraphFixture.now })
        let r = try await s.poll(cursor: [:])
        let vias = Dictionary(grouping: r.mentions) { m -> String in
            if case .string(let v)? = m.extra?["via"] { return v }
            return "?"
        }.mapValues(\.count)
        XCTAssertEqual(vias, ["comment": 4, "tag": 5, "#developers": 5])
        XCTAssertEqual(r.cursor["comments"], "17895731045244887=0;17896622936197745=6")
        XCTAssertEqual(r.mentions.first?.text, "Beautiful!")
        XCTAssertEqual(r.mentions.first?.extra?["parent"], .string("the post (no text)"))
    }

    /// The recorded `mentioned_comment` / `mentioned_media` field expansions (ids from webhooks) become mentions.
    func testRecordedMentionLookups() async throws {
        let dir = try GraphFixture.dataDir(self)
        let ig = try InstagramSource(
            config: GraphFixture.config("instagram", server), dataDir: dir, http: TestHTTPClient())
        // Read outside XCTUnwrap: a skip (no fixtures) thrown inside its autoclosure becomes a failure.
        let comment = try body("testdata/instagram/apidata/users/mentioned_comment.json")
        let media = try body("testdata/instagram/apidata/users/mentioned_media.json")
        let c = try XCTUnwrap(try ig.mention(fromMentionLookup: comment))
        XCTAssertEqual(c.id, "17967008497439572")
        XCTAssertEqual(c.text, "@ikroskun good")
        XCTAssertEqual(c.author?.handle, "ikroskun")
        XCTAssertEqual(GraphReplyRef.kind(c.reply!), .mentionedComment)
        let m = try XCTUnwrap(try ig.mention(fromMentionLookup: media))
        XCTAssertEqual(m.id, "17889114512354744")
        XCTAssertEqual(GraphReplyRef.kind(m.reply!), .mentionedMedia)
    }

    /// The recorded error bodies and token answers.
    func testRecordedErrorsAndTokens() throws {
        let e = GraphError.parse(
            HTTPResponse(status: 400, headers: [:], body: try body("testdata/base/error_data.json")), label: "x",
            now: GraphFixture.now)
        XCTAssertEqual(e?.kind, .permission(["pages_read_engagement"]))
        let e2 = GraphError.parse(
            HTTPResponse(status: 400, headers: [:], body: try body("testdata/error.json")), label: "x",
            now: GraphFixture.now)
        XCTAssertEqual(e2?.kind, .invalid)
        XCTAssertEqual(e2?.codeText, "Graph error 100")
        for f in ["long_term_token.json", "threads_user_long_lived_token.json", "threads_user_token.json"] {
            let a = try JSONDecoder().decode(GraphOAuth.TokenAnswer.self, from: try body("testdata/base/" + f))
            XCTAssertNotNil(a.accessToken, f)
        }
    }
}
