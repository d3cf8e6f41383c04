import Foundation
import Listening
import SwitchboardCore

/// `switchboard-bench meta`: Graph pages decoded per second for the Instagram, Facebook and Threads connectors, and
/// a simulated day of polling all three (288 polls each, every 5 minutes, one new comment per poll) against a
/// loopback Graph server, with the process's memory at the start, after half a day and at the end.
func runMetaBench() {
    Bench.runAsync("meta") { try await MetaBench.run() }
}

enum MetaBench {
    /// The poll the simulated day is at (the server's answers grow with it).
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        var value: Int { lock.withLock { n } }
        func tick() { lock.withLock { n += 1 } }
    }

    static func run() async throws {
        let dir = try Bench.networkDataDir("meta", tokenFile: "secrets/meta.token", token: "EAA-bench-token")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let clock = Clock()
        let server = try BenchServer { path, _ in respond(path, poll: clock.value) }
        defer { server.stop() }
        let api = "http://127.0.0.1:\(server.port)"
        var ig = SourceConfig(id: "ig", type: "instagram")
        (ig.api, ig.accountID, ig.tokenFile, ig.interval) = (api, "1784", "secrets/meta.token", "5m")
        var fb = SourceConfig(id: "fb", type: "facebook")
        (fb.api, fb.pageID, fb.tokenFile, fb.interval) = (api, "555", "secrets/meta.token", "5m")
        var th = SourceConfig(id: "th", type: "threads")
        (th.api, th.userID, th.tokenFile, th.interval) = (api, "7001", "secrets/meta.token", "5m")
        let http = URLSessionHTTPClient(timeout: 10)

        // 1. Decoding: a 50-comment page per connector, as the Graph API sends it.
        let igs = try InstagramSource(config: ig, dataDir: dir, http: http)
        let fbs = try FacebookSource(config: fb, dataDir: dir, http: http)
        let ths = try ThreadsSource(config: th, dataDir: dir, http: http)
        let pages: [(String, Data, (Data) throws -> [Mention])] = [
            (
                "instagram comments", Data(comments(upTo: 50, style: .instagram).utf8),
                { try igs.mentions(fromPage: $0) }
            ),
            ("facebook comments", Data(comments(upTo: 50, style: .facebook).utf8), { try fbs.mentions(fromPage: $0) }),
            (
                "threads conversation", Data(comments(upTo: 50, style: .threads).utf8),
                { try ths.mentions(fromPage: $0) }
            ),
        ]
        for (name, page, decode) in pages {
            let items = try decode(page).count
            try Bench.decodeRow(name, "\(items) items", page: page, items: items, unit: "mentions", seconds: 1.5) {
                _ = try decode($0)
            }
        }

        // 2. A day of polling three sources every 5 minutes.
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [ig, fb, th]
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        let store = try Store(dir: dir)
        let listener = Listener(
            store: store, team: team, makeSource: { c in try Listener.networkSource(c, dataDir: dir, http: http) })
        let rssBefore = Bench.memoryMB("VmRSS")
        var rssHalf = 0.0
        var errors = 0
        let t1 = Bench.now()
        for i in 1...288 {
            clock.tick()
            for c in [ig, fb, th] where await listener.poll(c).error != nil { errors += 1 }
            if i == 144 { rssHalf = Bench.memoryMB("VmRSS") }
        }
        let elapsed = Bench.now() - t1
        Bench.row(
            "3 Meta sources: 288 polls each (a day at 5 min)",
            String(
                format: "%.1f s, %.1f ms/poll, %d errors, %d stored", elapsed, elapsed / 864 * 1000, errors,
                store.count))
        let rssDay = Bench.memoryMB("VmRSS")
        // A second day with nothing new: memory that still grows would be the polls', not the stored mentions'.
        for _ in 1...288 {
            for c in [ig, fb, th] where await listener.poll(c).error != nil { errors += 1 }
        }
        Bench.row(
            "listener memory (VmRSS)",
            String(
                format: "%.1f MB at the start, %.1f after 12 h, %.1f after 24 h; %.1f after a second day with nothing "
                    + "new (%d errors); peak VmHWM %.1f MB", rssBefore, rssHalf, rssDay, Bench.memoryMB("VmRSS"),
                errors, Bench.memoryMB("VmHWM")))
    }

    enum Style { case instagram, facebook, threads }

    /// The loopback Graph server: one media, post and thread whose comments grow by one per poll.
    static func respond(_ path: String, poll n: Int) -> (Int, String) {
        func time(_ k: Int) -> String {
            Timestamp.format(Date(timeIntervalSince1970: 1_900_000_000 + Double(k) * 300))
                .replacingOccurrences(of: "Z", with: "+0000")
        }
        switch path {
        case "/v24.0/1784/media":
            return (200, #"{"data":[{"id":"m1","caption":"Neu","comments_count":\#(n),"timestamp":"\#(time(0))"}]}"#)
        case "/v24.0/555/published_posts":
            return (
                200,
                #"{"data":[{"id":"555_1","message":"Neu","created_time":"\#(time(0))","comments":{"data":[],"summary":{"total_count":\#(n)}}}]}"#
            )
        case "/v1.0/7001/threads": return (200, #"{"data":[{"id":"t1","text":"Neu","username":"acme"}]}"#)
        case "/v24.0/m1/comments": return (200, comments(upTo: n, style: .instagram))
        case "/v24.0/555_1/comments": return (200, comments(upTo: n, style: .facebook))
        case "/v1.0/t1/conversation": return (200, comments(upTo: n, style: .threads))
        default: return (200, #"{"data":[]}"#)
        }
    }

    /// The newest 50 of `n` comments, newest first, in each network's shape.
    static func comments(upTo n: Int, style: Style) -> String {
        var items: [String] = []
        for k in stride(from: n, to: max(0, n - 50), by: -1) {
            let t = Timestamp.format(Date(timeIntervalSince1970: 1_900_000_000 + Double(k) * 300))
                .replacingOccurrences(of: "Z", with: "+0000")
            let text = "Kommentar \(k): Wann kommt die Größe M wieder? Ich warte schon seit Wochen 🙏 #acme"
            switch style {
            case .instagram:
                items.append(
                    #"{"id":"c\#(k)","text":"\#(text)","timestamp":"\#(t)","username":"fan_\#(k % 97)","from":{"id":"u\#(k % 97)","username":"fan_\#(k % 97)"},"like_count":\#(k % 7),"hidden":false,"replies":{"data":[{"id":"r\#(k)","text":"@fan_\#(k % 97) danke!","timestamp":"\#(t)","username":"someone","from":{"id":"u1","username":"someone"},"parent_id":"c\#(k)"}]}}"#
                )
            case .facebook:
                items.append(
                    #"{"id":"1_c\#(k)","message":"\#(text)","created_time":"\#(t)","from":{"id":"u\#(k % 97)","name":"Fan \#(k % 97)"},"permalink_url":"https://www.facebook.com/555/posts/1/?comment_id=c\#(k)","is_hidden":false,"comment_count":0}"#
                )
            case .threads:
                items.append(
                    #"{"id":"tr\#(k)","text":"\#(text)","timestamp":"\#(t)","username":"fan_\#(k % 97)","permalink":"https://www.threads.net/@fan/post/\#(k)","root_post":{"id":"t1"},"replied_to":{"id":"t1"},"is_reply":true,"hide_status":"NOT_HUSHED","media_type":"TEXT_POST"}"#
                )
            }
        }
        return #"{"data":["# + items.joined(separator: ",") + #"],"paging":{"cursors":{"before":"b","after":"a"}}}"#
    }
}
