import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Queue publishing through the Graph API over loopback HTTP (issue 16): Instagram image and carousel containers,
/// Facebook feed posts with a link and photos (one, or several attached unpublished), Threads text and image
/// containers, each followed by its publish step; and the lookup of a post whose outcome is unknown.
final class GraphPublishTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    let token = "access_token=" + GraphFixture.token

    func forms(_ path: String) -> [String] {
        server.requests("POST", path).map { String(decoding: $0.body, as: UTF8.self) }
    }

    /// Answers `POST path` with ids `prefix1`, `prefix2`… in order.
    func numbered(_ path: String, _ prefix: String) {
        let n = Counter()
        server.handle("POST", path) { _ in .json(object: ["id": "\(prefix)\(n.next() + 1)"]) }
    }

    func config(_ type: String, mediaBase: String? = "https://cdn.acme.example/media") -> SourceConfig {
        var c = GraphFixture.config(type, server)
        c.mediaBaseURL = mediaBase
        return c
    }

    let media = [
        QueueMedia(path: "/home/lea/Bilder/winter kaffee.jpg", alt: "Eine Tasse Winterkaffee auf Schnee"),
        QueueMedia(path: "https://cdn.acme.example/media/zwei.png", alt: nil),
    ]

    func testInstagramCarouselIsItemsThenCarouselThenPublish() async throws {
        numbered("/v24.0/1784100/media", "c")
        server.on("POST", "/v24.0/1784100/media_publish", .json(#"{"id":"17920238422030506"}"#))
        let p = try InstagramPublisher(
            config: config("instagram"), dataDir: try GraphFixture.dataDir(self), http: TestHTTPClient())
        let posted = try await p.post(
            OutgoingPost(text: "Neu: Winterkaffee ☕️ #acme"), media: media, idempotencyKey: "q1")
        XCTAssertEqual(posted.id, "17920238422030506")
        XCTAssertEqual(
            forms("/v24.0/1784100/media"),
            [
                "image_url=https%3A%2F%2Fcdn.acme.example%2Fmedia%2Fwinter%2520kaffee.jpg"
                    + "&alt_text=Eine%20Tasse%20Winterkaffee%20auf%20Schnee&is_carousel_item=true&\(token)",
                "image_url=https%3A%2F%2Fcdn.acme.example%2Fmedia%2Fzwei.png&is_carousel_item=true&\(token)",
                "media_type=CAROUSEL&children=c1%2Cc2&caption=Neu%3A%20Winterkaffee%20%E2%98%95%EF%B8%8F%20%23acme&\(token)",
            ])
        XCTAssertEqual(forms("/v24.0/1784100/media_publish"), ["creation_id=c3&\(token)"])
    }

    func testInstagramSingleImageAndWhatAPublicAddressNeeds() async throws {
        numbered("/v24.0/1784100/media", "c")
        server.on("POST", "/v24.0/1784100/media_publish", .json(#"{"id":"1792"}"#))
        let dir = try GraphFixture.dataDir(self)
        let p = try InstagramPublisher(config: config("instagram"), dataDir: dir, http: TestHTTPClient())
        _ = try await p.post(OutgoingPost(text: "Hallo"), media: [media[1]], idempotencyKey: "q")
        XCTAssertEqual(
            forms("/v24.0/1784100/media"),
            ["image_url=https%3A%2F%2Fcdn.acme.example%2Fmedia%2Fzwei.png&caption=Hallo&\(token)"])
        let bare = try InstagramPublisher(
            config: config("instagram", mediaBase: nil), dataDir: dir, http: TestHTTPClient())
        do {
            _ = try await bare.post(OutgoingPost(text: "Hallo"), media: [media[0]], idempotencyKey: "q")
            XCTFail("posted")
        } catch let e as PublishError {
            XCTAssertEqual(
                e,
                .configuration(
                    "Instagram fetches images from a public address and takes no upload: set \"media_base_url\" on "
                        + "source ig to where winter kaffee.jpg is served (or queue the image as an https:// address)"))
        }
    }

    func testFacebookTextWithLinkSinglePhotoAndMultiPhoto() async throws {
        server.on("POST", "/v24.0/19292868552/feed", .json(#"{"id":"19292868552_1"}"#))
        numbered("/v24.0/19292868552/photos", "p")
        let p = try FacebookPublisher(
            config: config("facebook"), dataDir: try GraphFixture.dataDir(self), http: TestHTTPClient())
        let text = "Unser Winterkaffee ist da!\n\nhttps://acme.example/winter"
        let posted = try await p.post(
            OutgoingPost(text: text, link: "https://acme.example/winter"), idempotencyKey: "q")
        XCTAssertEqual(posted.id, "19292868552_1")
        XCTAssertEqual(
            forms("/v24.0/19292868552/feed"),
            [
                "message=Unser%20Winterkaffee%20ist%20da%21%0A%0Ahttps%3A%2F%2Facme.example%2Fwinter"
                    + "&link=https%3A%2F%2Facme.example%2Fwinter&\(token)"
            ])
        _ = try await p.post(OutgoingPost(text: "Ein Foto"), media: [media[1]], idempotencyKey: "q2")
        XCTAssertEqual(
            forms("/v24.0/19292868552/photos"),
            ["url=https%3A%2F%2Fcdn.acme.example%2Fmedia%2Fzwei.png&message=Ein%20Foto&\(token)"])
        _ = try await p.post(OutgoingPost(text: "Zwei Fotos"), media: media, idempotencyKey: "q3")
        XCTAssertEqual(
            Array(forms("/v24.0/19292868552/photos").dropFirst()),
            [
                "url=https%3A%2F%2Fcdn.acme.example%2Fmedia%2Fwinter%2520kaffee.jpg"
                    + "&alt_text_custom=Eine%20Tasse%20Winterkaffee%20auf%20Schnee&published=false&\(token)",
                "url=https%3A%2F%2Fcdn.acme.example%2Fmedia%2Fzwei.png&published=false&\(token)",
            ])
        XCTAssertEqual(
            forms("/v24.0/19292868552/feed").last,
            "message=Zwei%20Fotos&attached_media[0]=%7B%22media_fbid%22%3A%22p2%22%7D"
                + "&attached_media[1]=%7B%22media_fbid%22%3A%22p3%22%7D&\(token)")
    }

    func testThreadsTextAndImagePostsWaitForTheContainer() async throws {
        numbered("/v1.0/7001/threads", "t")
        numbered("/v1.0/7001/threads_publish", "pub")
        server.on(
            "GET", "/v1.0/t2", .json(#"{"id":"t2","status":"IN_PROGRESS"}"#), .json(#"{"id":"t2","status":"FINISHED"}"#)
        )
        var p = try ThreadsPublisher(
            config: config("threads"), dataDir: try GraphFixture.dataDir(self), http: TestHTTPClient())
        p.statusWait = 0
        let text = try await p.post(OutgoingPost(text: "Guten Morgen ☀️"), idempotencyKey: "q")
        XCTAssertEqual(text.id, "pub1")
        let image = try await p.post(OutgoingPost(text: "Mit Bild"), media: [media[0]], idempotencyKey: "q2")
        XCTAssertEqual(image.id, "pub2")
        XCTAssertEqual(
            forms("/v1.0/7001/threads"),
            [
                "media_type=TEXT&text=Guten%20Morgen%20%E2%98%80%EF%B8%8F&\(token)",
                "media_type=IMAGE&image_url=https%3A%2F%2Fcdn.acme.example%2Fmedia%2Fwinter%2520kaffee.jpg"
                    + "&alt_text=Eine%20Tasse%20Winterkaffee%20auf%20Schnee&text=Mit%20Bild&\(token)",
            ])
        XCTAssertEqual(server.requests("GET", "/v1.0/t2").count, 2, "published once FINISHED")
        XCTAssertEqual(forms("/v1.0/7001/threads_publish"), ["creation_id=t1&\(token)", "creation_id=t2&\(token)"])
        // A container Threads could not use is a rejection with its reason.
        server.on("GET", "/v1.0/t3", .json(#"{"id":"t3","status":"ERROR","error_message":"Bild zu groß"}"#))
        do {
            _ = try await p.post(OutgoingPost(text: "x"), media: [media[1]], idempotencyKey: "q3")
            XCTFail("posted")
        } catch let e as PublishError {
            XCTAssertEqual(e, .rejected("Threads could not use the image: Bild zu groß"))
        }
    }

    func testAQueuedInstagramPostWhoseOutcomeIsUnknownIsFoundByCaption() async throws {
        let p = try InstagramPublisher(
            config: config("instagram"), dataDir: try GraphFixture.dataDir(self), http: TestHTTPClient())
        server.on(
            "GET", "/v24.0/1784100/media",
            GraphFixture.page([
                ["id": "1", "caption": "Neu: Winterkaffee", "timestamp": "2030-03-17T17:40:00+0000"],
                [
                    "id": "2", "caption": "Neu:\nWinterkaffee", "timestamp": "2030-03-17T17:47:00+0000",
                    "permalink": "https://www.instagram.com/p/abc/",
                ],
            ]))
        let found = try await p.findPosted(
            OutgoingPost(text: "Neu: Winterkaffee"), since: GraphFixture.now.addingTimeInterval(-60))
        XCTAssertEqual(found, PostedRef(id: "2", uri: "2", url: "https://www.instagram.com/p/abc/"))
    }
}
