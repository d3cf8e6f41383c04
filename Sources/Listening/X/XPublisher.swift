import Foundation
import SwitchboardCore

/// Posts and replies on X through `POST /2/tweets` (`{"text": …, "reply": {"in_reply_to_tweet_id": …}}`). X takes
/// no idempotency key, so the publisher looks before any retry (`LookupBeforeRetry`): `findPosted` reads the
/// account's own recent posts (`/2/users/:id/tweets` from the draft's time) and matches parent and text, with X's
/// t.co links expanded and the addresses normalised. The posts that lookup reads count against the read budget.
public struct XPublisher: LookupBeforeRetry, NetworkConnector {
    public var platform: String { "x" }
    let client: XClient, userID: String
    let ledger: XReadLedger
    /// X's post length for most accounts (URLs count 23 characters).
    public static let defaultLimit = 280

    public init(_ setup: ConnectorSetup) throws {
        let (config, _, _, timeout, _) = setup.parts
        let s = try XSource(setup)
        var c = s.client
        c.timeout = timeout
        (self.client, self.userID, self.ledger) = (c, config.userID ?? "", s.ledger)
    }

    /// The JSON body sent for `draft` (exposed for tests).
    public static func body(for draft: OutgoingPost, mediaIDs: [String] = []) -> [String: Any] {
        var b: [String: Any] = ["text": draft.text]
        if let parent = draft.inReplyTo?.uri, !parent.isEmpty { b["reply"] = ["in_reply_to_tweet_id": parent] }
        if !mediaIDs.isEmpty { b["media"] = ["media_ids": mediaIDs] }
        if let rule = draft.replyLimit, let f = CreationReplyLimit.field(network: "x", rule: rule) {
            b[f.name] = f.value
        }
        return b
    }

    public func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
        // An answer to a direct message goes back into its conversation, never into a public post.
        if XPublisher.isDirect(draft) { return try await sendMessage(draft) }
        return try await post(draft, mediaIDs: [])
    }

    func post(_ draft: OutgoingPost, mediaIDs: [String]) async throws -> PostedRef {
        guard !XPublisher.isDirect(draft) else {
            throw PublishError.rejected("an answer to a direct message is sent as a message, without media")
        }
        guard !draft.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || !mediaIDs.isEmpty else {
            throw PublishError.rejected("the post is empty")
        }
        let body = XPublisher.body(for: draft, mediaIDs: mediaIDs)
        let r = try await call { try await client.send("POST", "/2/tweets", json: body) }
        try refuse(r, replying: draft.inReplyTo?.uri != nil)
        let created = try call { try NetworkCall.decode(X.Created.self, from: r, label: client.label) }
        let id = NetworkText.identifier(created.data.id)
        return PostedRef(id: id, uri: id, url: X.webURL(username: nil, id: id))
    }

    /// Turns a refusal into a `PublishError`: the post itself refused (400, a deleted parent, duplicate text) is
    /// `.rejected` (retrying cannot help), the rest by class as a poll would report it.
    func refuse(_ r: HTTPResponse, replying: Bool) throws {
        guard !(200..<300).contains(r.status) else { return }
        let p = X.Problem.parse(r.body)
        let why = p?.summary ?? "HTTP \(r.status)"
        let lower = why.lowercased()
        if replying && (r.status == 403 || r.status == 400 || r.status == 404)
            && (lower.contains("deleted") || lower.contains("not visible") || lower.contains("not found"))
        {
            throw PublishError.rejected(
                "the post being answered was deleted or is not visible to this account (X: \(why))")
        }
        if r.status == 403 && lower.contains("duplicate") {
            throw PublishError.rejected("X refuses a post with the same text as a recent one (\(why))")
        }
        if r.status == 400 || r.status == 422 || r.status == 413 || r.status == 415 {
            throw PublishError.rejected("X refused the post (HTTP \(r.status): \(why))")
        }
        try call { try client.check(r) }
    }

    /// The post this account made for `draft` at or after `since`, from its own recent posts.
    public func findPosted(_ draft: OutgoingPost, since: Date) async throws -> PostedRef? {
        if XPublisher.isDirect(draft) { return try await findMessage(draft, since: since) }
        let parent = draft.inReplyTo?.uri
        let want = XPublisher.normalised(draft.text, [])
        var token: String?
        for _ in 0..<3 {
            var q: [(String, String)] = [
                ("max_results", "100"), ("tweet.fields", "referenced_tweets,created_at,entities"),
                ("start_time", String(Timestamp.format(since.addingTimeInterval(-1)).prefix(19)) + "Z"),
            ]
            if let token { q.append(("pagination_token", token)) }
            let (page, _) = try await call { try await client.get(X.Page.self, "/2/users/\(userID)/tweets", q) }
            _ = try? ledger.add(page.data.count, now: client.now())
            for t in page.data where t.repliedTo == parent {
                if let at = t.createdAt.flatMap(Timestamp.parse), at < since { continue }
                if XPublisher.normalised(t.text, t.urls) == want {
                    let id = NetworkText.identifier(t.id)
                    return PostedRef(id: id, uri: id, url: X.webURL(username: nil, id: id))
                }
            }
            guard let next = page.meta?.nextToken, !next.isEmpty, next != token else { break }
            token = next
        }
        return nil
    }

    /// Text as compared by the lookup: t.co links expanded, HTML entities X adds undone, addresses without scheme,
    /// `www.` and trailing slash, leading @mentions X may add to a reply dropped, whitespace collapsed.
    static func normalised(_ text: String, _ urls: [X.Tweet.URLEntity]) -> String {
        let s = X.unescape(XSource.expandLinks(text, urls))
        var words = s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        while let f = words.first, f.hasPrefix("@"), words.count > 1 { words.removeFirst() }
        return words.map { w in
            var w = w
            let lower = w.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") else { return w }
            for p in ["https://", "http://"] where w.lowercased().hasPrefix(p) { w = String(w.dropFirst(p.count)) }
            if w.lowercased().hasPrefix("www.") { w = String(w.dropFirst(4)) }
            while w.hasSuffix("/") { w.removeLast() }
            return w.lowercased()
        }.joined(separator: " ")
    }

    func call<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let e as SourceError { throw PublishError(e) }
    }

    func call<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as SourceError { throw PublishError(e) }
    }
}
