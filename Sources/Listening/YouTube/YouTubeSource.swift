import Foundation
import SwitchboardCore

/// Comments from a YouTube channel: the comment threads on all of the channel's videos
/// (`commentThreads?allThreadsRelatedToChannelId=…&order=time`, newest first, paging back until what is known), the
/// replies beyond the five a thread inlines (`comments?parentId=…`, when a thread's reply count grew), and, per
/// `search` term, the newest videos that match (`search?type=video&order=date`, at most once an hour: a search costs
/// 100 units) with their comments. Every call is charged to the quota ledger first, and the next poll waits as long
/// as it takes for the day's reads to fit the budget.
public struct YouTubeSource: Source, NetworkConnector {
    public let id: String
    let config: SourceConfig, client: YouTubeClient
    /// Pages per feed and poll (100 threads each) before the rest waits for the next poll.
    public var maxPages = 5, pageSize = 100
    /// Videos per search term whose comments are followed.
    public var videosPerSearch = 10
    /// How often a search term is searched again (it costs 100 units; its videos' comments are read every poll).
    public var searchInterval: TimeInterval = 3600
    /// Thread reply counts remembered in the cursor (to notice new replies beyond the inlined five).
    static let rememberedThreads = 200

    public init(_ setup: ConnectorSetup) throws {
        let (config, dataDir, http, timeout, now) = setup.parts
        _ = try setup.required(config.channelID, "channel_id", "the channel's id, like UCa-vrCLQHviTOVnEKDOdetQ")
        (self.id, self.config) = (config.id, config)
        client = try YouTubeClient(
            config: config, dataDir: dataDir, http: http, label: "youtube source \(config.id)", timeout: timeout,
            now: now)
    }

    var channelID: String { config.channelID?.trimmingCharacters(in: .whitespaces) ?? "" }

    /// One comment as found, with the thread and video it belongs to.
    struct Found {
        var comment: YouTube.Comment
        var thread: String
        var video: String?
        var title: String?
        var via: String
    }

    /// What one poll spent and learnt, threaded through the feeds.
    struct Pass {
        var found: [Found] = []
        var cursor: [String: String]
        /// List units spent (searches are paced apart: they run at most once per `searchInterval`).
        var spent = 0
        var notes: [String] = []
        /// Thread id → reply count, as known before this poll and as seen in it.
        var replyCounts: [String: Int]
        var seenThreads: [String] = []
    }

    public func poll(cursor: [String: String]) async throws -> PollResult {
        var pass = Pass(cursor: cursor, replyCounts: YouTubeSource.parseCounts(cursor["replies"]))
        var failure: SourceError?
        do {
            if config.comments ?? true {
                try await readThreads(
                    key: "channel", filter: ("allThreadsRelatedToChannelId", channelID), via: "channel", &pass)
            }
            for q in config.search ?? [] where !q.trimmingCharacters(in: .whitespaces).isEmpty {
                try await readSearch(q, &pass)
            }
        } catch let e as SourceError {
            if case .needsLogin = e { throw e }
            failure = e
        } catch let e as YouTubeError {
            if e.kind == .expired || e.kind == .missingScope || e.kind == .forbidden { throw e.sourceError }
            failure = e.sourceError
        }
        var result = PollResult(mentions: [], cursor: pass.cursor)
        var seen = Set<String>()
        for f in pass.found where seen.insert(f.comment.id).inserted { result.mentions.append(mention(f)) }
        let counts = YouTubeSource.formatCounts(pass.replyCounts, order: pass.seenThreads)
        if !counts.isEmpty { result.cursor["replies"] = counts }
        let now = client.now()
        let terms = (config.search ?? []).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        let paced = client.ledger.pacedInterval(
            list: max(1, pass.spent), searches: terms, searchInterval: searchInterval, now: now)
        if paced > config.intervalSeconds { result.notBefore = now.addingTimeInterval(paced) }
        if let failure {
            if result.mentions.isEmpty && result.cursor == cursor { throw failure }
            if case .rateLimited(let at, _) = failure { result.notBefore = max(result.notBefore ?? at, at) }
            throw PartialPoll(result: result, error: failure)
        }
        if !pass.notes.isEmpty {
            throw PartialPoll(
                result: result, error: .configuration("youtube source \(id): " + pass.notes.joined(separator: "; ")))
        }
        return result
    }

    // MARK: Comment threads

    /// Reads the comment threads of a channel or a video, newest first, back to the newest comment already known
    /// (the first poll reads one page), with the replies each thread has.
    func readThreads(
        key: String, filter: (String, String), via: String, title: String? = nil, _ pass: inout Pass
    ) async throws {
        let since = pass.cursor[key].flatMap(Timestamp.parse)
        var newest = since
        var token: String?
        for _ in 0..<max(1, maxPages) {
            var q = [
                ("part", "snippet,replies"), filter, ("order", "time"), ("maxResults", String(pageSize)),
                ("textFormat", "plainText"),
            ]
            if let token { q.append(("pageToken", token)) }
            pass.spent += YouTubeQuotaLedger.Cost.list
            let page = try await client.get(
                YouTube.Page<YouTube.CommentThread>.self, "/commentThreads", q, cost: YouTubeQuotaLedger.Cost.list)
            var oldest: Date?
            for t in page.items {
                let top = t.snippet.topLevelComment
                let video = t.snippet.videoId ?? top.snippet.videoId
                let when = top.published
                if let w = when { oldest = min(oldest ?? w, w); newest = max(newest ?? w, w) }
                pass.found.append(Found(comment: top, thread: t.id, video: video, title: title, via: via))
                let inlined = t.replies?.comments ?? []
                for r in inlined {
                    if let w = r.published { newest = max(newest ?? w, w) }
                    pass.found.append(Found(comment: r, thread: t.id, video: video, title: title, via: via))
                }
                let total = t.snippet.totalReplyCount ?? inlined.count
                let known = pass.replyCounts[t.id]
                pass.replyCounts[t.id] = total
                pass.seenThreads.append(t.id)
                if total > inlined.count && known.map({ total > $0 }) ?? (since != nil) {
                    try await readReplies(thread: t.id, video: video, title: title, via: via, &pass)
                }
            }
            // First poll: the latest page only. Later polls: page back until a known comment shows. The cursor moves
            // only then: a page that fails leaves it, so the next poll reads the gap again (the store dedupes).
            guard let since, let next = page.nextPageToken, !next.isEmpty, let o = oldest, o > since else {
                if let n = newest { pass.cursor[key] = Timestamp.format(n) }
                return
            }
            token = next
        }
        if let n = newest { pass.cursor[key] = Timestamp.format(n) }
    }

    /// The replies of one thread (newest first), when more than the inlined five exist.
    func readReplies(thread: String, video: String?, title: String?, via: String, _ pass: inout Pass) async throws {
        var token: String?
        for _ in 0..<max(1, maxPages) {
            var q = [("part", "snippet"), ("parentId", thread), ("maxResults", "100"), ("textFormat", "plainText")]
            if let token { q.append(("pageToken", token)) }
            pass.spent += YouTubeQuotaLedger.Cost.list
            let page: YouTube.Page<YouTube.Comment>
            do {
                page = try await client.get(
                    YouTube.Page<YouTube.Comment>.self, "/comments", q, cost: YouTubeQuotaLedger.Cost.list)
            } catch let e as YouTubeError where e.kind == .notFound {
                return  // the thread was deleted meanwhile
            }
            for c in page.items {
                pass.found.append(Found(comment: c, thread: thread, video: video, title: title, via: via))
            }
            guard let next = page.nextPageToken, !next.isEmpty else { return }
            token = next
        }
    }

    // MARK: Search

    /// Searches `q` for the newest videos (at most once per `searchInterval`), then reads the comments of the
    /// videos followed for it. A video whose comments are disabled is dropped, and said once.
    func readSearch(_ q: String, _ pass: inout Pass) async throws {
        let key = "search:" + q, listKey = "videos:" + q, atKey = "searched:" + q
        var videos = (pass.cursor[listKey] ?? "").split(separator: " ").map(String.init)
        var titles: [String: String] = [:]
        let now = client.now()
        let last = pass.cursor[atKey].flatMap(Timestamp.parse)
        if last.map({ now.timeIntervalSince($0) >= searchInterval }) ?? true {
            var query = [
                ("part", "snippet"), ("type", "video"), ("q", q), ("order", "date"), ("maxResults", "25"),
            ]
            if let after = pass.cursor[key] { query.append(("publishedAfter", after)) }
            let page = try await client.get(
                YouTube.Page<YouTube.SearchResult>.self, "/search", query, cost: YouTubeQuotaLedger.Cost.search)
            var newest = pass.cursor[key].flatMap(Timestamp.parse)
            var fresh: [String] = []
            let disabled = Set((pass.cursor["disabled"] ?? "").split(separator: " ").map(String.init))
            for r in page.items {
                guard let v = r.id.videoId.map(NetworkText.identifier), !v.isEmpty, !disabled.contains(v) else {
                    continue
                }
                if let w = r.snippet?.publishedAt.flatMap(Timestamp.parse) { newest = max(newest ?? w, w) }
                if let t = r.snippet?.title { titles[v] = HTMLText.decodeEntities(t) }
                if !videos.contains(v) && !fresh.contains(v) { fresh.append(v) }
            }
            videos = Array((fresh + videos).prefix(videosPerSearch))
            if let n = newest { pass.cursor[key] = Timestamp.format(n) }
            pass.cursor[atKey] = Timestamp.format(now)
        }
        var kept: [String] = []
        for v in videos {
            do {
                try await readThreads(
                    key: "video:" + v, filter: ("videoId", v), via: "search", title: titles[v], &pass)
                kept.append(v)
            } catch let e as YouTubeError where e.kind == .commentsDisabled || e.kind == .notFound {
                pass.cursor["video:" + v] = nil
                let gone = [v] + (pass.cursor["disabled"] ?? "").split(separator: " ").map(String.init)
                pass.cursor["disabled"] = gone.prefix(50).joined(separator: " ")
                pass.notes.append(
                    e.kind == .commentsDisabled
                        ? "video \(v) (search \"\(NetworkText.clean(q, max: 60))\") has comments disabled: skipped"
                        : "video \(v) (search \"\(NetworkText.clean(q, max: 60))\") is gone: skipped")
            }
        }
        pass.cursor[listKey] = kept.joined(separator: " ")
    }

    // MARK: Mentions

    func mention(_ f: Found) -> Mention {
        let c = f.comment, s = c.snippet
        let authorChannel = s.authorChannelId?.value.map(NetworkText.identifier)
        // YouTube shows people by their @handle (older comments: a display name); either is the handle here.
        let shown = s.authorDisplayName.map { NetworkText.clean($0, max: 100) }.flatMap { $0.isEmpty ? nil : $0 }
        let handle = shown.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
        let author = Author(
            handle: handle ?? authorChannel ?? "unknown", name: nil,
            url: s.authorChannelUrl.map { NetworkText.clean($0, max: 2000) })
        let cid = NetworkText.identifier(c.id), thread = NetworkText.identifier(f.thread)
        let video = f.video.map(NetworkText.identifier)
        var extra: [String: JSONValue] = ["via": .string(f.via), "channel": .string(channelID)]
        if let v = video { extra["video"] = .string(v) }
        if let a = authorChannel { extra["author_channel"] = .string(a) }
        if let l = s.likeCount { extra["likes"] = .number(Double(l)) }
        let url = video.map { "https://www.youtube.com/watch?v=\($0)&lc=\(cid)" }
        return Mention(
            platform: "youtube", id: cid, text: NetworkText.content(c.text), createdAt: c.published ?? client.now(),
            fetchedAt: client.now(), url: url, author: author,
            inReplyTo: s.parentId.map(NetworkText.identifier), threadRoot: thread, source: id,
            title: f.title.map { NetworkText.clean($0, max: 200) },
            reply: ReplyRef(uri: cid, rootURI: thread), extra: extra)
    }

    // MARK: Cursor helpers

    /// `id:3 id2:7` → counts.
    static func parseCounts(_ s: String?) -> [String: Int] {
        var out: [String: Int] = [:]
        for pair in (s ?? "").split(separator: " ") {
            let p = pair.split(separator: ":", maxSplits: 1)
            if p.count == 2, let n = Int(p[1]) { out[String(p[0])] = n }
        }
        return out
    }

    /// The counts of the threads seen in this poll first, then the others, at most `rememberedThreads`.
    static func formatCounts(_ counts: [String: Int], order: [String]) -> String {
        var keys: [String] = []
        var seen = Set<String>()
        for k in order + counts.keys.sorted() where seen.insert(k).inserted && counts[k] != nil { keys.append(k) }
        return keys.prefix(rememberedThreads).map { "\($0):\(counts[$0]!)" }.joined(separator: " ")
    }
}

extension YouTubeSource {
    /// Decodes one `commentThreads.list` page into mentions (for benchmarks and replaying saved pages).
    public func mentions(fromThreadsPage data: Data) throws -> [Mention] {
        let r = HTTPResponse(status: 200, headers: [:], body: data)
        let page = try NetworkCall.decode(YouTube.Page<YouTube.CommentThread>.self, from: r, label: client.label)
        return page.items.flatMap { t in
            let video = t.snippet.videoId ?? t.snippet.topLevelComment.snippet.videoId
            return ([t.snippet.topLevelComment] + (t.replies?.comments ?? [])).map {
                mention(Found(comment: $0, thread: t.id, video: video, via: "channel"))
            }
        }
    }
}

extension YouTubeSource {
    /// One cheap call (`channels.list`, 1 unit) that checks the login and the channel: its title, and whether the
    /// login may reply and moderate (the youtube.force-ssl scope), and its @handle (`customUrl`) when it has one.
    public func verify() async throws -> (title: String, handle: String?, canWrite: Bool) {
        struct Channel: Decodable {
            struct Snippet: Decodable {
                var title: String?
                var customUrl: String?
            }
            var id: String?
            var snippet: Snippet?
        }
        let page: YouTube.Page<Channel>
        do {
            page = try await client.get(
                YouTube.Page<Channel>.self, "/channels", [("part", "snippet"), ("id", channelID)],
                cost: YouTubeQuotaLedger.Cost.list)
        } catch let e as YouTubeError { throw e.sourceError }
        guard let ch = page.items.first else {
            throw SourceError.configuration("\(client.label): YouTube knows no channel \(channelID)")
        }
        let scope = (try? client.tokens.current().scope) ?? nil
        let canWrite =
            scope.map {
                $0.contains("youtube.force-ssl") || $0.split(separator: " ").contains { $0.hasSuffix("/auth/youtube") }
            } ?? true
        let handle = ch.snippet?.customUrl.map { NetworkText.identifier($0) }.flatMap { $0.hasPrefix("@") ? $0 : nil }
        return (NetworkText.clean(ch.snippet?.title ?? channelID, max: 100), handle, canWrite)
    }
}
