import Foundation
import Listening
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// `switchboard-bench network`: Mastodon notification pages decoded per second (a realistic 40-item page),
/// and the listener's memory after a simulated day of polling (1,440 polls against a loopback server).
func runNetworkBench() {
    Bench.runAsync("network") { try await NetworkBench.run() }
}

enum NetworkBench {
    static func run() async throws {
        let dir = try Bench.networkDataDir("network", tokenFile: "secrets/masto.token")
        defer { try? FileManager.default.removeItem(at: dir.root) }

        // 1. Decoding: a 40-notification page as mastodon.social sends it (~75 KB).
        let page = Data(notificationsPage(first: 1_000_000, count: 40).utf8)
        var c = SourceConfig(id: "masto", type: "mastodon")
        c.instance = "https://social.example"
        c.tokenFile = "secrets/masto.token"
        let decoder = try MastodonSource(config: c, dataDir: dir, http: URLSessionHTTPClient())
        try Bench.decodeRow(
            "mastodon", "40 items", page: page, items: 40, unit: "statuses", note: ", JSON + HTML → text"
        ) { _ = try decoder.mentions(fromNotificationsPage: $0) }
        do {
            let dec = JSONDecoder()
            dec.dateDecodingStrategy = .switchboard
            var n = 0
            let t = Bench.now()
            while Bench.now() - t < 1 { _ = try dec.decode([Mastodon.Notification].self, from: page); n += 1 }
            Bench.row("  of which JSONDecoder alone", "\(Int(Double(n) / (Bench.now() - t))) pages/s")
            let html = try dec.decode([Mastodon.Notification].self, from: page).map { $0.status!.content }
            var m = 0
            let t2 = Bench.now()
            while Bench.now() - t2 < 1 {
                for h in html { _ = MastodonHTML.text(h) }
                m += 1
            }
            Bench.row("  of which HTML → text alone", "\(Int(Double(m) / (Bench.now() - t2) * 40)) statuses/s")
        }

        try RedditBench.run(dir: dir)

        // 2. A day of polling: 1,440 polls, one new mention each, a full store on disk.
        let server = try BenchServer { path, query in
            guard path == "/api/v1/notifications" else { return (404, "{}") }
            let since =
                query.split(separator: "&").first { $0.hasPrefix("min_id=") }.map { Int($0.dropFirst(7)) ?? 0 } ?? 0
            return (200, notificationsPage(first: since + 1, count: since == 0 ? 1 : 1))
        }
        defer { server.stop() }
        c.instance = "http://127.0.0.1:\(server.port)"
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [c]
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        let store = try Store(dir: dir)
        let http = URLSessionHTTPClient(timeout: 10)
        let listener = Listener(
            store: store, team: team, makeSource: { cfg in try Listener.networkSource(cfg, dataDir: dir, http: http) })
        let rssBefore = Bench.memoryMB("VmRSS")
        var errors = 0
        var rssAt: [Int: Double] = [:]
        let t1 = Bench.now()
        for i in 1...1440 {
            let o = await listener.poll(c)
            if o.error != nil { errors += 1 }
            if i == 60 || i == 720 { rssAt[i] = Bench.memoryMB("VmRSS") }
        }
        let elapsed = Bench.now() - t1
        let h = listener.state.health("masto")
        Bench.row(
            "listener: 1,440 polls (a day at 60 s)",
            String(
                format: "%.1f s, %.1f ms/poll, %d errors, %d stored", elapsed, elapsed / 1440 * 1000, errors,
                store.count))
        Bench.row(
            "listener memory (VmRSS)",
            String(
                format: "%.1f MB before, %.1f after 1 h, %.1f after 12 h, %.1f after 24 h; peak VmHWM %.1f MB",
                rssBefore, rssAt[60] ?? 0, rssAt[720] ?? 0, Bench.memoryMB("VmRSS"), Bench.memoryMB("VmHWM")))
        Bench.row("cursor after the day", h.cursor["notifications"] ?? "-")
    }

    /// A page of `count` mention notifications, newest first, shaped like the API's Notification entity.
    static func notificationsPage(first: Int, count: Int) -> String {
        var items: [String] = []
        for k in stride(from: first + count - 1, through: first, by: -1) {
            let acct = ["anna@social.example", "ben", "chris@fosstodon.example", "dana@mastodon.example"][k % 4]
            let user = acct.split(separator: "@")[0]
            let account = """
                {"id":"\(k % 97)","username":"\(user)","acct":"\(acct)","display_name":"\(user.capitalized) \
                Example","locked":false,"bot":false,"discoverable":true,"group":false,"created_at":"2021-03-16T14:34:26.392Z","note":"<p>Coffee, code and cloud things. Opinions my own.</p>","url":"https://social.example/@\(user)","avatar":"https://files.social.example/accounts/avatars/000/000/\(k % 97)/original/a.png","avatar_static":"https://files.social.example/accounts/avatars/000/000/\(k % 97)/original/a.png","header":"https://files.social.example/h.png","header_static":"https://files.social.example/h.png","followers_count":\(k % 5000),"following_count":321,"statuses_count":4567,"last_status_at":"2026-11-26","emojis":[],"fields":[{"name":"Web","value":"<a href=\\"https://example.org\\" rel=\\"me nofollow noopener\\" target=\\"_blank\\"><span class=\\"invisible\\">https://</span><span class=\\"\\">example.org</span><span class=\\"invisible\\"></span></a>","verified_at":null}]}
                """
            let content =
                "<p><span class=\\\"h-card\\\"><a href=\\\"https://social.example/@acme\\\" class=\\\"u-url "
                + "mention\\\">@<span>acme</span></a></span> Is the dashboard down again? Getting 502 on every deploy "
                + "since this morning &amp; the status page says all green. <a "
                + "href=\\\"https://social.example/tags/AcmeCloud\\\" class=\\\"mention hashtag\\\" "
                + "rel=\\\"tag\\\">#<span>AcmeCloud</span></a></p><p>Screenshot: <a "
                + "href=\\\"https://img.example.com/uploads/2026/11/26/dashboard-error.png\\\" rel=\\\"nofollow "
                + "noopener\\\" target=\\\"_blank\\\"><span class=\\\"invisible\\\">https://</span><span "
                + "class=\\\"ellipsis\\\">img.example.com/uploads/2026/1</span><span "
                + "class=\\\"invisible\\\">1/26/dashboard-error.png</span></a></p>"
            let status = """
                {"id":"\(110_000_000 + k)","created_at":"2026-11-26T10:00:00.000Z","in_reply_to_id":null,"in_reply_to_account_id":null,"sensitive":false,"spoiler_text":"","visibility":"public","language":"en","uri":"https://social.example/users/\(user)/statuses/\(110_000_000 + k)","url":"https://social.example/@\(user)/\(110_000_000 + k)","replies_count":0,"reblogs_count":0,"favourites_count":1,"quotes_count":0,"edited_at":null,"favourited":false,"reblogged":false,"muted":false,"bookmarked":false,"content":"\(content)","filtered":[],"reblog":null,"application":{"name":"Web","website":null},"account":\(account),"media_attachments":[],"mentions":[{"id":"14715","username":"acme","url":"https://social.example/@acme","acct":"acme"}],"tags":[{"name":"acmecloud","url":"https://social.example/tags/acmecloud"}],"emojis":[],"quote":null,"card":null,"poll":null}
                """
            items.append(
                "{\"id\":\"\(k)\",\"type\":\"mention\",\"created_at\":\"2026-11-26T10:00:01.000Z\",\"group_key\":\"ungrouped-\(k)\",\"account\":\(account),\"status\":\(status)}"
            )
        }
        return "[" + items.joined(separator: ",") + "]"
    }
}

/// A minimal loopback HTTP/1.1 server for the benchmark: one thread, one request per connection.
final class BenchServer: @unchecked Sendable {
    let fd: Int32
    let port: Int
    let handler: @Sendable (String, String) -> (Int, String)
    private let lock = NSLock()
    private var stopped = false

    init(_ handler: @escaping @Sendable (String, String) -> (Int, String)) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard ok == 0, listen(fd, 64) == 0 else { close(fd); throw SwitchboardError("cannot listen on 127.0.0.1") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        Thread { [self] in loop() }.start()
    }

    func stop() {
        let first = lock.withLock {
            let s = stopped
            stopped = true
            return !s
        }
        if first { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func loop() {
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 65536)
        while !lock.withLock({ stopped }) {
            let c = accept(fd, nil, nil)
            if c < 0 {
                if errno == EINTR { continue }
                return
            }
            var head = [UInt8]()
            while !(head.count >= 4 && Array(head.suffix(4)) == [13, 10, 13, 10]) {
                let n = read(c, &buf, buf.count)
                if n <= 0 { break }
                head += buf[0..<n]
            }
            let line = String(decoding: head.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
            let target = line.count > 1 ? String(line[1]) : "/"
            let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
            let (status, body) = handler(parts[0], parts.count > 1 ? parts[1] : "")
            let b = Array(body.utf8)
            let out =
                Array(
                    ("HTTP/1.1 \(status) OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + "\(b.count)\r\nConnection: close\r\n\r\n").utf8) + b
            var sent = 0
            while sent < out.count {
                let n = out[sent...].withUnsafeBytes { write(c, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                sent += n
            }
            close(c)
        }
    }
}
