import Foundation
import SwitchboardCore
import XCTest

@testable import Listening

/// `../shared` beside the repository (or one level further up, from a worktree), when present.
func sharedMaterial(_ path: String) -> URL? {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    for up in ["..", "../.."] {
        let u = repo.appendingPathComponent(up).appendingPathComponent("shared").appendingPathComponent(path)
            .standardizedFileURL
        if FileManager.default.fileExists(atPath: u.path) { return u }
    }
    return nil
}

/// Reads every valid JSON example of the Mastodon API documentation that is a Status or an Account
/// (skipped when ../shared is absent): our decoder must accept them all.
final class MastodonDocsExamplesTests: XCTestCase {
    func examples() throws -> [(doc: String, section: String, json: Any)] {
        guard let url = sharedMaterial("fixtures/mastodon/docs-examples.jsonl") else {
            throw XCTSkip("../shared is absent")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                o["valid_json"] as? Bool == true,
                let j = o["json"]
            else { return nil }
            return ((o["doc"] as? String) ?? "", (o["section"] as? String) ?? "", j)
        }
    }

    func testEveryDocumentedStatusAndAccountDecodes() throws {
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .switchboard
        var statuses = 0
        var accounts = 0
        var failures: [String] = []
        for e in try examples() {
            let objects = (e.json as? [Any]) ?? [e.json]
            for case let o as [String: Any] in objects {
                let data = try JSONSerialization.data(withJSONObject: o)
                if o["uri"] != nil, o["account"] != nil, o["content"] != nil {
                    do {
                        _ = try dec.decode(Mastodon.Status.self, from: data)
                        statuses += 1
                    } catch { failures.append("\(e.doc) \(e.section): \(error)") }
                } else if o["acct"] != nil, o["username"] != nil, o["url"] != nil, o["followers_count"] != nil {
                    do {
                        _ = try dec.decode(Mastodon.Account.self, from: data)
                        accounts += 1
                    } catch { failures.append("\(e.doc) \(e.section): \(error)") }
                }
            }
        }
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThanOrEqual(statuses, 3, "the complete (not elided) Status examples")
        XCTAssertGreaterThanOrEqual(accounts, 1)
    }

    func testTheStatusEntityExampleReadsAsAPersonWouldReadIt() throws {
        guard let e = try examples().first(where: { $0.doc.hasSuffix("entities/Status.md") && $0.section == "Example" })
        else { throw XCTSkip("no Status example") }
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .switchboard
        let s = try dec.decode(Mastodon.Status.self, from: JSONSerialization.data(withJSONObject: e.json))
        XCTAssertEqual(
            MastodonHTML.text(s.content),
            "\"I lost my inheritance with one wrong digit on my sort code\"\n\nhttps://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code"
        )
        XCTAssertEqual(s.account.acct, "Gargron")
        XCTAssertEqual(s.account.followersCount, 322930)
        XCTAssertEqual(Timestamp.format(s.createdAt), "2019-12-08T03:48:33.901Z")
    }
}

/// The Bluesky documentation's post records (skipped when ../shared is absent).
final class BlueskyDocsExamplesTests: XCTestCase {
    func records() throws -> [(heading: String, json: [String: Any])] {
        guard let url = sharedMaterial("fixtures/bluesky/docs/examples.jsonl") else {
            throw XCTSkip("../shared is absent")
        }
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let j = o["json"] as? [String: Any], j["$type"] as? String == "app.bsky.feed.post"
            else { return nil }
            return ((o["heading"] as? String) ?? "", j)
        }
    }

    func testOurFacetDetectorFindsTheDocumentedByteOffsets() throws {
        guard let e = try records().first(where: { $0.heading == "Mentions and links" }) else {
            throw XCTSkip("no facet example")
        }
        let rec = try JSONDecoder().decode(
            Bluesky.PostRecord.self, from: JSONSerialization.data(withJSONObject: e.json))
        let documented = (rec.facets ?? []).map { "\($0.index.byteStart)-\($0.index.byteEnd)" }
        let ours = BlueskyFacets.detect(rec.text).map { "\($0.byteStart)-\($0.byteEnd)" }
        XCTAssertEqual(ours, documented)
        XCTAssertEqual(
            BlueskyFacets.render(rec.text, facets: rec.facets), rec.text, "a link shown in full stays as it is")
    }

    func testEveryDocumentedPostRecordDecodes() throws {
        let all = try records()
        XCTAssertGreaterThan(all.count, 4)
        for e in all {
            let rec = try JSONDecoder().decode(
                Bluesky.PostRecord.self, from: JSONSerialization.data(withJSONObject: e.json))
            XCTAssertFalse(rec.text.isEmpty, e.heading)
            XCTAssertNotNil(rec.createdAt.flatMap(Timestamp.parse), e.heading)
            if e.heading == "Replies" {
                XCTAssertEqual(rec.reply?.root.cid, "bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q")
            }
        }
    }
}
