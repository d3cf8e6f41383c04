import Foundation
import Listening
import SwitchboardCore

/// `switchboard-bench youtube`: `commentThreads.list` pages decoded per second (100 threads with two inlined replies
/// each, English and German), and the quota units a simulated day of polling spends with the default settings
/// (interval 10m, one search term, daily_quota 10000) against a loopback server, the clock moved by the bench.
func runYouTubeBench() { Bench.runAsync("youtube") { try await YouTubeBench.run() } }

enum YouTubeBench {
    static func run() async throws {
        let dir = try Bench.networkDataDir("youtube", tokenFile: "secrets/yt.token")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        var c = SourceConfig(id: "yt", type: "youtube")
        c.channelID = "UCbenchChannel000000000"
        c.tokenFile = "secrets/yt.token"
        c.search = ["acme cloud"]
        c.interval = "10m"
        c.dailyQuota = 10_000

        let page = Data(threadsPage(count: 100, minute: 0).utf8)
        let decoder = try YouTubeSource(config: c, dataDir: dir, http: URLSessionHTTPClient())
        try Bench.decodeRow(
            "youtube commentThreads", "100 threads + 200 replies", page: page, items: 300, unit: "comments"
        ) { _ = try decoder.mentions(fromThreadsPage: $0) }

        // A simulated day: the clock jumps to each next run; every poll finds one new comment.
        let start = Timestamp.parse("2026-12-07T08:00:00Z")!  // midnight Pacific
        let clockLock = NSLock()
        nonisolated(unsafe) var now = start
        let server = try BenchServer { path, _ in
            switch path {
            case "/youtube/v3/commentThreads":
                let m = clockLock.withLock { Int(now.timeIntervalSince(start) / 60) }
                return (200, threadsPage(count: 1, minute: m))
            case "/youtube/v3/search": return (200, searchPage())
            default: return (404, #"{"error":{"code":404,"message":"not found"}}"#)
            }
        }
        defer { server.stop() }
        c.api = "http://127.0.0.1:\(server.port)/youtube/v3"
        let s = try YouTubeSource(
            config: c, dataDir: dir, http: URLSessionHTTPClient(timeout: 10),
            now: { clockLock.withLock { now } })
        let end = YouTubeQuotaLedger.nextReset(after: start)
        var cursor: [String: String] = [:]
        var polls = 0
        let t1 = Bench.now()
        while clockLock.withLock({ now }) < end {
            let t = clockLock.withLock { now }
            var next = t.addingTimeInterval(c.intervalSeconds)
            do {
                let r = try await s.poll(cursor: cursor)
                cursor = r.cursor
                if let nb = r.notBefore { next = max(next, nb) }
            } catch let p as PartialPoll {
                cursor = p.result.cursor
            } catch let SourceError.rateLimited(at, _) { next = max(next, at) }
            polls += 1
            clockLock.withLock { now = next }
        }
        let ledger = YouTubeQuotaLedger(file: YouTubeQuotaLedger.file(dir, id: "yt"), budget: c.dailyQuota)
        Bench.row(
            "youtube quota, a simulated day (10m, 1 search term)",
            "\(YouTubeQuotaLedger.number(ledger.today(now: end.addingTimeInterval(-1)).used)) of 10,000 units, "
                + "\(polls) polls (\(String(format: "%.1f", Bench.now() - t1)) s)")
    }

    /// A `commentThreads.list` page: `count` threads, newest first, with two inlined replies each.
    static func threadsPage(count: Int, minute: Int) -> String {
        let day = Timestamp.parse("2026-12-07T08:00:00Z")!
        func at(_ m: Int) -> String { Timestamp.format(day.addingTimeInterval(Double(m) * 60)) }
        func comment(_ id: String, _ text: String, _ m: Int, parent: String?) -> String {
            let p = parent.map { #","parentId":"\#($0)""# } ?? ""
            return #"""
                {"kind":"youtube#comment","etag":"e\#(id)","id":"\#(id)","snippet":{"channelId":"UCbenchChannel000000000","videoId":"vid\#(m % 7)","textDisplay":"\#(text)","textOriginal":"\#(text)","authorDisplayName":"@zuschauer\#(m)","authorProfileImageUrl":"https://yt3.ggpht.com/a/x=s48-c-k","authorChannelUrl":"http://www.youtube.com/channel/UCv\#(m)","authorChannelId":{"value":"UCv\#(m)"},"canRate":true,"viewerRating":"none","likeCount":\#(m % 9),"publishedAt":"\#(at(m))","updatedAt":"\#(at(m))"\#(p)}}
                """#
        }
        let items = (0..<count).map { i -> String in
            let m = minute - i
            let id = "Ugz\(m)bench"
            let top = comment(
                id,
                m % 2 == 0
                    ? "Die Synchronisation hängt bei großen Dateien – gibt es einen Fix? Grüße"
                    : "Great walkthrough, does the desktop client support selective sync?", m, parent: nil)
            let replies = [
                comment(id + ".r1", "Same here, seit gestern.", m, parent: id),
                comment(id + ".r2", "Thanks, that fixed it!", m, parent: id),
            ]
            return #"""
                {"kind":"youtube#commentThread","etag":"t","id":"\#(id)","snippet":{"channelId":"UCbenchChannel000000000","videoId":"vid\#(m % 7)","topLevelComment":\#(top),"canReply":true,"totalReplyCount":2,"isPublic":true},"replies":{"comments":[\#(replies.joined(separator: ","))]}}
                """#
        }
        return
            #"{"kind":"youtube#commentThreadListResponse","etag":"p","pageInfo":{"totalResults":\#(count),"resultsPerPage":100},"items":["#
            + items.joined(separator: ",") + "]}"
    }

    static func searchPage() -> String {
        let items = (0..<12).map { i in
            #"{"kind":"youtube#searchResult","id":{"kind":"youtube#video","videoId":"sv\#(i)"},"snippet":{"publishedAt":"2026-12-06T10:00:00Z","title":"Acme Cloud review \#(i)","channelId":"UCother"}}"#
        }
        return #"{"kind":"youtube#searchListResponse","items":["# + items.joined(separator: ",") + "]}"
    }
}
