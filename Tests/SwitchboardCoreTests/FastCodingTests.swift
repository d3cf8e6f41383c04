import Foundation
import XCTest

@testable import SwitchboardCore

final class FastCodingTests: XCTestCase {
    func sample() -> Mention {
        var m = Mention(
            platform: "bluesky", id: "at://did:plc:abc/app.bsky.feed.post/3k",
            text: "Grüße „aus“ Köln 👋🏽\n\"quoted\" \\ back\u{1B}[31m\t tab \u{7}",
            createdAt: Timestamp.parse("2026-11-27T03:20:25.125Z")!,
            fetchedAt: Timestamp.parse("2026-11-27T03:21:00Z")!,
            url: "https://bsky.app/profile/a/post/3k",
            author: Author(handle: "a.bsky.social", name: "Ä 名前", url: nil, followers: 12),
            lang: "de", inReplyTo: "at://x", threadRoot: nil, source: "bsky", title: nil,
            reply: ReplyRef(
                uri: "at://did:plc:abc/app.bsky.feed.post/3k", cid: "bafy", rootURI: nil, rootCID: nil, visibility: nil),
            extra: [
                "n": .number(3), "f": .number(2.5),
                "nested": .object(["a": .array([.bool(true), .null, .string("x")])]),
            ],
            analysis: Analysis(
                lang: "de", sentiment: .negative, score: -0.625, intents: [.question, .complaint],
                crisisTerms: ["Ausfall"], model: "t"))
        m.schema = 1
        return m
    }

    func testFastEncodingDecodesToTheSameMentionWithJSONDecoderAndFastDecoder() throws {
        let m = sample()
        var w = JSONWriter()
        m.fastEncode(into: &w)
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .switchboard
        XCTAssertEqual(try dec.decode(Mention.self, from: Data(w.out)), m)
        let fast = w.out.withUnsafeBufferPointer { Mention.fastDecode($0) }
        XCTAssertEqual(fast, m)
    }

    func testFastDecoderMatchesJSONDecoderOnEncoderOutput() throws {
        let enc = JSONEncoder()
        enc.dateEncodingStrategy = .switchboard
        var m = sample()
        m.extra = nil
        m.analysis = nil
        m.author = nil
        let bytes = [UInt8](try enc.encode(m))
        XCTAssertEqual(bytes.withUnsafeBufferPointer { Mention.fastDecode($0) }, m)
    }

    func testFastDecoderRefusesWhatItDoesNotKnowSoTheSlowPathExplains() {
        for bad in [
            #"{"key":"k","platform":"p","id":"1","text":"t","created_at":"2026-11-27T00:00:00Z"} x"#,
            #"{"key":"k","platform":"p","id":"1","text":"t","created_at":"yesterday"}"#,
            #"{"key":"k","platform":"p","id":"1","created_at":"2026-11-27T00:00:00Z"}"#,
            #"{"key":"k","platform":"p","id":"1","text":"\ud800","created_at":"2026-11-27T00:00:00Z"}"#,
        ] {
            XCTAssertNil(Array(bad.utf8).withUnsafeBufferPointer { Mention.fastDecode($0) }, bad)
        }
        // Unknown keys are left to JSONDecoder (which ignores them), so records from newer versions still load.
        let newer = #"{"key":"k","platform":"p","id":"1","text":"t","created_at":"2026-11-27T00:00:00Z","future":1}"#
        let lines = LineSplitter.split(Data(newer.utf8))
        guard case .success(let m)? = RecordDecoder.decode(Mention.self, lines: lines, fast: Mention.fastDecode).first
        else { return XCTFail() }
        XCTAssertEqual(m.text, "t")
    }
}
