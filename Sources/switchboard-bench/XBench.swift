import Foundation
import Listening
import SwitchboardCore

/// `switchboard-bench x`: X pages decoded per second (100 posts with their authors and referenced posts), and the
/// posts a source with a monthly read budget reads per simulated day (a month of polling every 2 minutes against a
/// busy account, in process: every request gets as many posts as it asks for).
func runXBench() {
    print("== x")
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { try await XBench.run() } catch { print("x bench failed: \(error)") }
        done.signal()
    }
    done.wait()
}

enum XBench {
    /// Answers every X request with a full page: as many posts as `max_results` asks for.
    struct BusyX: HTTPClient {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let q = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
            let n = Int(q.first { $0.name == "max_results" }?.value ?? "") ?? 10
            return HTTPResponse(
                status: 200, headers: [:], body: Data(XBench.page(count: n, top: 1_900_000_000_000_000_000).utf8))
        }
    }

    static func page(count: Int, top: Int) -> String {
        var data: [String] = []
        var users: [String] = []
        for i in 0..<count {
            let id = top - i
            data.append(
                #"{"id":"\#(id)","text":"@acme Seit dem Update hängt der Export bei 99 % – gibt's einen Fix? https://t.co/ab\#(i)","author_id":"\#(500 + i)","created_at":"2027-01-15T08:00:00.000Z","conversation_id":"1800000000000000001","lang":"de","referenced_tweets":[{"type":"replied_to","id":"1800000000000000001"}],"entities":{"urls":[{"start":70,"end":93,"url":"https://t.co/ab\#(i)","expanded_url":"https://status.acme.example/export/\#(i)","display_url":"status.acme.example/export"}]},"public_metrics":{"retweet_count":0,"reply_count":1,"like_count":3,"quote_count":0},"edit_history_tweet_ids":["\#(id)"]}"#
            )
            users.append(
                #"{"id":"\#(500 + i)","username":"kunde_\#(i)","name":"Kundin Größe \#(i)","verified":false,"public_metrics":{"followers_count":120,"following_count":80,"tweet_count":900,"listed_count":1}}"#
            )
        }
        let ref = #"{"id":"1800000000000000001","text":"Neu: das Export-Dashboard","author_id":"100"}"#
        return
            #"{"data":[\#(data.joined(separator: ","))],"includes":{"users":[\#(users.joined(separator: ","))],"tweets":[\#(ref)]},"meta":{"result_count":\#(count),"newest_id":"\#(top)","oldest_id":"\#(top - count + 1)","next_token":"n\#(top)"}}"#
    }

    final class Clock: @unchecked Sendable {
        var t: Date
        init(_ t: Date) { self.t = t }
    }

    static func run() async throws {
        let dir = try Bench.networkDataDir("x", tokenFile: "secrets/x.token")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        var c = SourceConfig(id: "xbench", type: "x")
        (c.userID, c.tokenFile, c.interval, c.api) = ("100", "secrets/x.token", "2m", "http://127.0.0.1:9")

        // 1. Decoding a full page.
        let body = Data(page(count: 100, top: 1_900_000_000_000_000_000).utf8)
        let decoder = try XSource(config: c, dataDir: dir, http: BusyX())
        try Bench.decodeRow("x", "100 posts + includes", page: body, items: 100, unit: "posts") {
            _ = try decoder.mentions(fromPage: $0)
        }

        // 2. A month of polling every 2 minutes with a budget of 10,000 posts.
        for budget in [10_000, 3_000] {
            c.monthlyReadBudget = budget
            let clock = Clock(Timestamp.parse("2027-01-01T00:00:00Z")!)
            let src = try XSource(config: c, dataDir: dir, http: BusyX()) { clock.t }
            let end = Timestamp.parse("2027-02-01T00:00:00Z")!
            var perDay = [Int](repeating: 0, count: 31)
            var polls = 0
            var cursor: [String: String] = [:]
            while clock.t < end {
                let day = Int(clock.t.timeIntervalSince(Timestamp.parse("2027-01-01T00:00:00Z")!) / 86400)
                let before = src.ledger.used(now: clock.t)
                do {
                    let r = try await src.poll(cursor: cursor)
                    (cursor, polls) = (r.cursor, polls + 1)
                    perDay[day] += src.ledger.used(now: clock.t) - before
                    clock.t = max(clock.t.addingTimeInterval(120), r.notBefore ?? .distantPast)
                } catch SourceError.rateLimited(let until, _) {
                    clock.t = until
                }
            }
            let sorted = perDay.sorted()
            Bench.row(
                "x reads per simulated day (budget \(budget)/month, poll every 2 min, busy account)",
                "min \(sorted.first!) · median \(sorted[15]) · max \(sorted.last!) · month \(perDay.reduce(0, +)) "
                    + "in \(polls) polls")
            try? FileManager.default.removeItem(at: src.ledger.file)
        }
    }
}
