import Foundation
import SwitchboardCore

/// Answers comments and posts through `POST /api/comment` (`thing_id=PARENT&text=…&api_type=json`). Reddit takes no
/// idempotency key, so before any retry the engine asks `findPosted`: the account's newest comments
/// (`/user/NAME/comments?sort=new`) are searched for one under the same parent with the same text.
public struct RedditPublisher: LookupBeforeRetry, NetworkConnector {
    public var platform: String { "reddit" }
    let client: RedditClient
    let username: String?
    /// Reddit's limit for a comment's text.
    public static let maxLength = 10_000

    public init(_ setup: ConnectorSetup) throws {
        let (config, _, http, timeout, now) = setup.parts
        let c = try RedditSource(setup).client
        client = RedditClient(
            base: c.base, label: "reddit account \(config.id)", http: http, auth: c.auth, now: now, timeout: timeout)
        username = config.username.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The form sent for `draft` to `parent`, in the documented order.
    public static func form(for draft: OutgoingPost, parent: String) -> [(String, String)] {
        [("thing_id", parent), ("text", draft.text), ("api_type", "json")]
    }

    /// The fullname answered (`t1_…` comment, `t3_…` post), or why there is none.
    static func parent(of draft: OutgoingPost) throws -> String {
        guard let p = draft.inReplyTo?.uri, p.hasPrefix("t1_") || p.hasPrefix("t3_") || p.hasPrefix("t4_") else {
            throw PublishError.rejected("a Reddit answer needs the comment or post it answers (its t1_/t3_ fullname)")
        }
        return p
    }

    public func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
        let parent = try RedditPublisher.parent(of: draft)
        guard !draft.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PublishError.rejected("the comment is empty")
        }
        guard draft.text.count <= RedditPublisher.maxLength else {
            throw PublishError.rejected("the comment is longer than Reddit's \(RedditPublisher.maxLength) characters")
        }
        let reply = try await call("/api/comment", RedditPublisher.form(for: draft, parent: parent))
        guard let t = reply.things.first(where: { $0.kind == "t1" }) ?? reply.things.first, let name = t.fullname else {
            throw PublishError.rejected(
                "Reddit created no comment: the post may be archived or deleted, or the account may not comment there")
        }
        return ref(t, name: name)
    }

    func ref(_ t: Reddit.Thing, name: String) -> PostedRef {
        let link = t.data.permalink.map { $0.hasPrefix("http") ? $0 : RedditSource.web + $0 }
        let fallback =
            (t.data.linkID ?? "").hasPrefix("t3_")
            ? RedditSource.web + "/comments/\(t.data.linkID!.dropFirst(3))/_/\(name.dropFirst(3))" : nil
        return PostedRef(
            id: NetworkText.identifier(name), uri: NetworkText.identifier(name),
            url: (link ?? fallback).map { NetworkText.clean($0, max: 2000) })
    }

    /// Sends an `api_type=json` form and reads `json.errors` (Reddit reports refusals with HTTP 200).
    func call(_ path: String, _ form: [(String, String)]) async throws -> Reddit.JSONReply {
        let r: HTTPResponse
        do { r = try await client.post(path, form: form) } catch let e as SourceError { throw PublishError(e) }
        let reply: Reddit.JSONReply
        do { reply = try NetworkCall.decode(Reddit.JSONReply.self, from: r, label: client.label) } catch let e
            as SourceError
        { throw PublishError(e) }
        if let e = reply.errors.first {
            if e.code == "RATELIMIT", let secs = reply.ratelimit, secs > 0 {
                let msg = NetworkText.clean(e.message, max: 200)
                throw PublishError.rateLimited(retryAt: client.now().addingTimeInterval(secs), detail: "Reddit: \(msg)")
            }
            throw RedditPublisher.error(code: e.code, message: e.message, now: client.now(), label: client.label)
        }
        return reply
    }

    /// A `json.errors` entry as a `PublishError`: RATELIMIT is a rate limit until the time it names, a locked thread
    /// or a deleted parent is a rejection, USER_REQUIRED a refused login.
    static func error(code: String, message: String, now: Date, label: String = "reddit") -> PublishError {
        let msg = NetworkText.clean(message, max: 200)
        switch code.uppercased() {
        case "RATELIMIT":
            return .rateLimited(retryAt: now.addingTimeInterval(waitTime(message) ?? 60), detail: "Reddit: \(msg)")
        case "THREAD_LOCKED": return .rejected("the thread is locked: nobody can comment on it (\(msg))")
        case "DELETED_COMMENT", "DELETED_LINK", "DELETED_THING":
            return .rejected("the comment or post being answered was deleted (\(msg))")
        case "TOO_OLD": return .rejected("the post is archived: it takes no more comments (\(msg))")
        case "USER_REQUIRED":
            return .needsLogin("Reddit refused the login (\(msg)); \(RedditAuth.hint(label))")
        default: return .rejected("\(NetworkText.clean(code, max: 40)): \(msg)")
        }
    }

    /// "you are doing that too much. try again in 5 minutes." → 300 (seconds, minutes, hours; the first number).
    static func waitTime(_ message: String) -> TimeInterval? {
        let words = message.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard let i = words.firstIndex(where: { Double($0) != nil }), let n = Double(words[i]) else { return nil }
        let unit = i + 1 < words.count ? words[i + 1] : "minutes"
        if unit.hasPrefix("ms") || unit.hasPrefix("milli") { return max(1, n / 1000) }
        if unit.hasPrefix("s") { return n }
        if unit.hasPrefix("h") { return n * 3600 }
        return n * 60
    }

    public func findPosted(_ draft: OutgoingPost, since: Date) async throws -> PostedRef? {
        let parent = try RedditPublisher.parent(of: draft)
        let user: String
        if let u = username {
            user = u
        } else {
            do {
                let r = try await client.get("/api/v1/me")
                user = try NetworkCall.decode(Reddit.Me.self, from: r, label: client.label).name
            } catch let e as SourceError { throw PublishError(e) }
        }
        let page: Reddit.Listing
        do {
            let r = try await client.get(
                "/user/\(NetworkCall.escape(user))/comments", [("sort", "new"), ("limit", "100")])
            page = try NetworkCall.decode(Reddit.Listings.self, from: r, label: client.label).listing
        } catch let e as SourceError { throw PublishError(e) }
        let want = RedditPublisher.normalized(draft.text)
        let found = page.children.first { t in
            t.data.parentID == parent && RedditPublisher.normalized(t.data.body ?? "") == want
                && (t.data.createdUTC.map { $0 >= since.timeIntervalSince1970 } ?? true)
        }
        return found.flatMap { t in t.fullname.map { ref(t, name: $0) } }
    }

    /// Text compared without its whitespace differences (Reddit trims and normalises line ends).
    static func normalized(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
