import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// The YouTube source over loopback HTTP: paging back to what is known, replies beyond the inlined five, search with
/// its videos' comments, and the mentions a person sees (German text intact, threads kept for replying).
final class YouTubeSourceTests: YouTubeServerTestCase {
    let threadsPath = "/youtube/v3/commentThreads"
    let t0 = Timestamp.parse("2026-12-05T12:00:00Z")!

    func source(_ dir: DataDirectory, _ c: SourceConfig? = nil, clock: YouTubeTestClock? = nil) throws -> YouTubeSource
    {
        let clock = clock ?? YouTubeTestClock(t0)
        return try YouTubeSource(
            config: c ?? YouTubeFixture.config(server), dataDir: dir, http: TestHTTPClient(), timeout: 5,
            now: { clock.now })
    }

    func testFirstPollReadsTheNewestPageAndLaterPollsPageBackToWhatIsKnown() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        let reply = YouTubeFixture.comment(
            "T1.r1", text: "Danke, hat geklappt!", at: "2026-12-05T11:10:00Z", author: "Acme Cloud",
            authorChannel: YouTubeFixture.channel, parent: "T1")
        server.on(
            "GET", threadsPath,
            YouTubeFixture.page(
                [
                    YouTubeFixture.thread(
                        "T1", text: "Die Synchronisation hängt seit dem Update – größere Dateien?",
                        at: "2026-12-05T11:00:00.000Z", replies: [reply]),
                    YouTubeFixture.thread("T0", text: "Great video", at: "2026-12-05T10:00:00Z"),
                ], next: "PAGE2"),
            YouTubeFixture.page(
                [
                    YouTubeFixture.thread("T3", text: "Is there a Linux client?", at: "2026-12-05T11:50:00Z"),
                    YouTubeFixture.thread("T2", text: "Second", at: "2026-12-05T11:40:00Z"),
                ], next: "OLDER"),
            YouTubeFixture.page(
                [
                    YouTubeFixture.thread("T1b", text: "Between", at: "2026-12-05T11:20:00Z"),
                    YouTubeFixture.thread("T1", text: "Die Synchronisation", at: "2026-12-05T11:00:00Z"),
                ], next: "EVEN-OLDER"))
        let s = try source(dir)
        let first = try await s.poll(cursor: [:])
        XCTAssertEqual(server.requests.count, 1, "the first poll reads one page only")
        let r0 = server.requests[0]
        XCTAssertEqual(r0.header("authorization"), "Bearer ya29.token-yt")
        XCTAssertEqual(r0.query("allThreadsRelatedToChannelId"), YouTubeFixture.channel)
        XCTAssertEqual(r0.query("order"), "time")
        XCTAssertEqual(r0.query("part"), "snippet,replies")
        XCTAssertEqual(first.mentions.map(\.id), ["T1", "T1.r1", "T0"])
        let m = first.mentions[0]
        XCTAssertEqual(m.platform, "youtube")
        XCTAssertEqual(m.text, "Die Synchronisation hängt seit dem Update – größere Dateien?")
        XCTAssertEqual(m.author?.handle, "Jörg Weiß")
        XCTAssertEqual(m.url, "https://www.youtube.com/watch?v=vid1&lc=T1")
        XCTAssertEqual(m.reply, ReplyRef(uri: "T1", rootURI: "T1"))
        XCTAssertEqual(m.threadRoot, "T1")
        XCTAssertEqual(m.createdAt, Timestamp.parse("2026-12-05T11:00:00Z"))
        let r = first.mentions[1]
        XCTAssertEqual(r.inReplyTo, "T1")
        XCTAssertEqual(r.reply, ReplyRef(uri: "T1.r1", rootURI: "T1"), "a reply is answered under its thread")
        XCTAssertEqual(first.cursor["channel"], "2026-12-05T11:10:00Z")

        let second = try await s.poll(cursor: first.cursor)
        XCTAssertEqual(server.requests.count, 3, "pages back until a known comment shows, no further")
        XCTAssertEqual(server.requests[2].query("pageToken"), "OLDER")
        XCTAssertEqual(second.mentions.map(\.id), ["T3", "T2", "T1b", "T1"])
        XCTAssertEqual(second.cursor["channel"], "2026-12-05T11:50:00Z")
        XCTAssertEqual(
            YouTubeQuotaLedger(file: YouTubeQuotaLedger.file(dir, id: "yt"), budget: nil).today(now: t0).used, 3)
    }

    func testAPageThatFailsWhilePagingBackKeepsTheCursorSoTheGapIsReadAgain() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        server.on(
            "GET", threadsPath,
            YouTubeFixture.page(
                [YouTubeFixture.thread("T9", text: "Neu", at: "2026-12-05T11:59:00Z")], next: "P2"),
            YouTubeFixture.error(503, "backendError", "Backend Error"))
        let s = try source(dir)
        do {
            _ = try await s.poll(cursor: ["channel": "2026-12-05T10:00:00Z"])
            XCTFail("the failed page is reported")
        } catch let p as PartialPoll {
            XCTAssertEqual(p.result.mentions.map(\.id), ["T9"], "what was read is kept")
            XCTAssertEqual(p.result.cursor["channel"], "2026-12-05T10:00:00Z", "the gap is read again next time")
            XCTAssertTrue(p.error.description.contains("YouTube is having trouble (HTTP 503"), p.error.description)
        }
    }

    /// Issue 20: `t` on a YouTube comment reads its whole thread — the top-level comment and every reply, all pages.
    func testTheThreadViewReadsTheTopLevelCommentAndEveryReply() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        server.on(
            "GET", threadsPath,
            YouTubeFixture.page([
                YouTubeFixture.thread("T1", text: "Sync hängt bei 99 % – Lösung?", at: "2026-12-05T11:00:00Z", total: 3)
            ]))
        server.on(
            "GET", "/youtube/v3/comments",
            YouTubeFixture.page(
                [
                    YouTubeFixture.comment("T1.r2", text: "same here", at: "2026-12-05T11:20:00Z", parent: "T1"),
                    YouTubeFixture.comment(
                        "T1.r1", text: "Neustart hilft \u{1B}[2Jbei mir", at: "2026-12-05T11:10:00Z", parent: "T1"),
                ], next: "P2", kind: "commentListResponse"),
            YouTubeFixture.page(
                [YouTubeFixture.comment("T1.r0", text: "Ich auch", at: "2026-12-05T11:05:00Z", parent: "T1")],
                kind: "commentListResponse"))
        let s = try source(dir)
        let m = Mention(
            platform: "youtube", id: "T1.r2", text: "same here", createdAt: t0, inReplyTo: "T1", threadRoot: "T1",
            source: "yt", reply: ReplyRef(uri: "T1.r2", rootURI: "T1"))
        let all = try await s.conversation(of: m)
        XCTAssertEqual(all.map(\.id), ["T1", "T1.r2", "T1.r1", "T1.r0"])
        XCTAssertNil(all[0].inReplyTo)
        XCTAssertEqual(Set(all.dropFirst().compactMap(\.inReplyTo)), ["T1"])
        XCTAssertEqual(all[0].text, "Sync hängt bei 99 % – Lösung?")
        XCTAssertFalse(all.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B } })
        XCTAssertEqual(server.requests("GET", threadsPath).first?.query("id"), "T1")
        XCTAssertEqual(server.requests("GET", "/youtube/v3/comments").map { $0.query("pageToken") }, [nil, "P2"])
    }

    func testRepliesBeyondTheInlinedFiveAreReadWhenAThreadGrows() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        let inlined = (1...5).map {
            YouTubeFixture.comment("T1.r\($0)", text: "reply \($0)", at: "2026-12-05T11:0\($0):00Z", parent: "T1")
        }
        server.on(
            "GET", threadsPath,
            YouTubeFixture.page([
                YouTubeFixture.thread("T1", text: "Root", at: "2026-12-05T11:00:00Z", replies: inlined, total: 5)
            ]),
            YouTubeFixture.page([
                YouTubeFixture.thread("T1", text: "Root", at: "2026-12-05T11:00:00Z", replies: inlined, total: 7)
            ]))
        server.on(
            "GET", "/youtube/v3/comments",
            YouTubeFixture.page(
                [
                    YouTubeFixture.comment(
                        "T1.r7", text: "Ich auch – gleiche Fehlermeldung", at: "2026-12-05T11:30:00Z", parent: "T1"),
                    YouTubeFixture.comment("T1.r6", text: "same here", at: "2026-12-05T11:20:00Z", parent: "T1"),
                ], next: "P2", kind: "commentListResponse"),
            YouTubeFixture.page(inlined, kind: "commentListResponse"))
        let s = try source(dir)
        let first = try await s.poll(cursor: [:])
        XCTAssertEqual(first.cursor["replies"], "T1:5")
        let second = try await s.poll(cursor: first.cursor)
        let replies = server.requests("GET", "/youtube/v3/comments")
        XCTAssertEqual(replies.count, 2, "the thread's replies, both pages")
        XCTAssertEqual(replies[0].query("parentId"), "T1")
        XCTAssertEqual(replies[1].query("pageToken"), "P2")
        XCTAssertTrue(second.mentions.map(\.id).contains("T1.r7"))
        XCTAssertEqual(second.mentions.first { $0.id == "T1.r7" }?.text, "Ich auch – gleiche Fehlermeldung")
        XCTAssertEqual(second.cursor["replies"], "T1:7")
    }

    func testSearchFindsVideosOnceAnHourAndReadsTheirCommentsAndSkipsDisabledOnesOnce() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        var c = YouTubeFixture.config(server, search: ["acme cloud"])
        c.comments = false
        server.on(
            "GET", "/youtube/v3/search",
            YouTubeFixture.search([
                ("vidA", "Acme Cloud im Test &amp; Vergleich", "2026-12-05T09:00:00Z"),
                ("vidB", "Acme review", "2026-12-04T09:00:00Z"),
            ]))
        server.handle("GET", threadsPath) { r in
            r.query("videoId") == "vidB"
                ? YouTubeFixture.error(403, "commentsDisabled", "The video has disabled comments.")
                : YouTubeFixture.page([
                    YouTubeFixture.thread("A1", text: "Lohnt sich das?", at: "2026-12-05T10:00:00Z", video: "vidA")
                ])
        }
        let clock = YouTubeTestClock(t0)
        let s = try source(dir, c, clock: clock)
        var cursor: [String: String] = [:]
        do {
            _ = try await s.poll(cursor: [:])
            XCTFail("a disabled video is said once")
        } catch let p as PartialPoll {
            XCTAssertEqual(p.result.mentions.map(\.id), ["A1"])
            XCTAssertEqual(p.result.mentions[0].title, "Acme Cloud im Test & Vergleich")
            XCTAssertTrue(
                p.error.description.contains("video vidB (search \"acme cloud\") has comments disabled: skipped"))
            cursor = p.result.cursor
        }
        let search = server.requests("GET", "/youtube/v3/search")
        XCTAssertEqual(search.count, 1)
        XCTAssertEqual(search[0].query("q"), "acme cloud")
        XCTAssertEqual(search[0].query("type"), "video")
        XCTAssertEqual(search[0].query("order"), "date")
        XCTAssertEqual(cursor["videos:acme cloud"], "vidA")

        clock.advance(600)
        let again = try await s.poll(cursor: cursor)
        XCTAssertEqual(again.mentions.map(\.id), ["A1"])
        XCTAssertEqual(server.requests("GET", "/youtube/v3/search").count, 1, "no new search within the hour")
        XCTAssertEqual(server.requests("GET", threadsPath).filter { $0.query("videoId") == "vidB" }.count, 1)

        clock.advance(3600)
        _ = try await s.poll(cursor: again.cursor)
        let s2 = server.requests("GET", "/youtube/v3/search")
        XCTAssertEqual(s2.count, 2, "searched again after an hour")
        XCTAssertEqual(s2[1].query("publishedAfter"), "2026-12-05T09:00:00Z")
        // search 100 + vidA, vidB; then vidA; then search 100 + vidA (vidB got no new result: still dropped)
        let ledger = YouTubeQuotaLedger(file: YouTubeQuotaLedger.file(dir, id: "yt"), budget: nil)
        XCTAssertEqual(ledger.today(now: clock.now).used, 100 + 2 + 1 + 100 + 1)
    }

    func testDecodesTheRecordedCommentThreadsAndComments() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "shared/fixtures/youtube/interactions.jsonl")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw XCTSkip("no ../shared/fixtures/youtube here")
        }
        let dir = try YouTubeFixture.dataDir(self)
        let s = try source(dir)
        var threads = 0, mentions = 0
        for line in data.split(separator: 10) {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let endpoint = obj["endpoint"] as? String, endpoint == "GET /commentThreads",
                let resp = obj["response"] as? [String: Any], let body = resp["body"] as? String
            else { continue }
            threads += 1
            let ms = try s.mentions(fromThreadsPage: Data(body.utf8))
            for m in ms {
                XCTAssertFalse(m.id.isEmpty)
                XCTAssertEqual(m.reply?.rootURI, m.threadRoot)
                XCTAssertFalse(m.text.contains("\u{1B}"))
            }
            mentions += ms.count
        }
        XCTAssertGreaterThan(threads, 0)
        XCTAssertGreaterThan(mentions, 0)
    }
}
