import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// The recorded answers of Meta's write endpoints (`../shared/fixtures/meta`, class `reply` and `publish`) read by the
/// publishers: every recorded create answer gives its id, and a recorded reply and container flow goes through the
/// real publishers over loopback. Skipped when the fixtures are absent.
final class GraphRecordedActTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    struct Interaction: Decodable {
        struct Request: Decodable { var method: String? }
        struct Response: Decodable { var status: Int?, body: String? }
        var source_file: String, endpoint: String, `class`: String, request: Request, response: Response
    }

    func recorded() throws -> [Interaction] {
        let r = MetaReplayTests.root.appendingPathComponent("interactions.jsonl")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: r.path), "no recorded Meta fixtures at \(r.path)")
        return try Data(contentsOf: r).split(separator: 10).map {
            try JSONDecoder().decode(Interaction.self, from: Data($0))
        }
    }

    func testEveryRecordedCreateAnswerGivesItsID() async throws {
        let creates = try recorded().filter {
            ($0.class == "reply" || $0.class == "publish") && $0.request.method == "POST"
                && ($0.response.status ?? 200) == 200
        }
        XCTAssertFalse(creates.isEmpty)
        let dir = try GraphFixture.dataDir(self)
        let graph = try GraphPublishing(
            ConnectorSetup(config: GraphFixture.config("facebook", server), dataDir: dir, http: TestHTTPClient()))
        for (i, c) in creates.enumerated() {
            let body = c.response.body ?? ""
            server.on("POST", "/v24.0/obj\(i)/edge", .json(body))
            let want = (try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["id"] as? String
            let got = try await graph.create("/obj\(i)/edge", form: [("message", "x")])
            XCTAssertEqual(got.id, want, c.source_file)
        }
    }

    func testRecordedFacebookReplyAndInstagramContainerFlow() async throws {
        let all = try recorded()
        func body(_ file: String) -> String? { all.first { $0.source_file.hasSuffix(file) }?.response.body }
        let dir = try GraphFixture.dataDir(self)
        if let reply = body("facebook/apidata/comments/create_resp.json") {
            server.on("POST", "/v24.0/245778718206154/comments", .json(reply))
            let p = try FacebookPublisher(
                config: GraphFixture.config("facebook", server), dataDir: dir, http: TestHTTPClient())
            let posted = try await p.post(
                OutgoingPost(text: "Message from api", inReplyTo: ReplyRef(uri: "245778718206154", visibility: "post")),
                idempotencyKey: "k")
            XCTAssertEqual(posted.id, "245778718206154_229887283291835")
            XCTAssertEqual(
                posted.url, "https://www.facebook.com/245628824887810/posts/245778718206154?comment_id=229887283291835")
        }
        if let container = body("instagram/apidata/publish/create_photo.json"),
            let published = body("instagram/apidata/publish/publish_container.json")
        {
            server.on("POST", "/v24.0/1784100/media", .json(container))
            server.on("POST", "/v24.0/1784100/media_publish", .json(published))
            let p = try InstagramPublisher(
                config: GraphFixture.config("instagram", server), dataDir: dir, http: TestHTTPClient())
            let posted = try await p.post(
                OutgoingPost(text: "Caption"), media: [QueueMedia(path: "https://cdn.example/a.jpg", alt: "Alt")],
                idempotencyKey: "k")
            XCTAssertEqual(posted.id, "17920238422030506")
            XCTAssertEqual(
                String(decoding: server.requests("POST", "/v24.0/1784100/media_publish")[0].body, as: UTF8.self),
                "creation_id=17889455560051444&access_token=\(GraphFixture.token)")
        }
    }
}
