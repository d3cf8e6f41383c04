import Foundation
import SwitchboardCore

/// Replies to YouTube comments: `POST comments?part=snippet` with `{"snippet": {"parentId": …, "textOriginal": …}}`
/// (50 quota units). YouTube threads are one level deep, so a reply to a reply goes under its top-level comment
/// (`ReplyRef.rootURI`). The API takes no idempotency key: a retry after an attempt whose outcome is unknown first
/// lists the thread's replies (`findPosted`) and takes the channel's own reply with the same text.
public struct YouTubePublisher: LookupBeforeRetry, NetworkConnector {
    public var platform: String { "youtube" }
    let client: YouTubeClient
    let channelID: String?
    /// YouTube's comment length limit.
    public static let maxLength = 10_000

    public init(_ setup: ConnectorSetup) throws {
        let (config, dataDir, http, timeout, now) = setup.parts
        let c = try YouTubeClient(
            config: config, dataDir: dataDir, http: http, label: "youtube account \(config.id)", timeout: timeout,
            now: now)
        (client, channelID) = (c, config.channelID?.trimmingCharacters(in: .whitespaces))
    }

    /// The thread a reply to `ref` goes under: the top-level comment.
    static func parent(_ ref: ReplyRef?) -> String? {
        let p = ref?.rootURI ?? ref?.uri
        return p.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The JSON body sent for `draft` (exposed for tests and "what will be sent").
    public static func body(for draft: OutgoingPost) throws -> Data {
        guard let parent = parent(draft.inReplyTo) else {
            throw PublishError.configuration(
                "a YouTube post must answer a comment (new videos are not posted from Switchboard)")
        }
        let obj: [String: Any] = ["snippet": ["parentId": parent, "textOriginal": draft.text]]
        return try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    public func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
        let text = draft.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw PublishError.rejected("the reply is empty") }
        guard draft.text.count <= YouTubePublisher.maxLength else {
            throw PublishError.rejected(
                "the reply has \(draft.text.count) characters; YouTube allows \(YouTubePublisher.maxLength)")
        }
        let body = try YouTubePublisher.body(for: draft)
        do {
            let r = try await client.call(
                "POST", "/comments", [("part", "snippet")], body: body, cost: YouTubeQuotaLedger.Cost.write,
                write: true)
            let c = try NetworkCall.decode(YouTube.Comment.self, from: r, label: client.label)
            return ref(c)
        } catch let e as YouTubeError {
            throw e.publishError
        } catch let e as SourceError { throw PublishError(e) }
    }

    /// The channel's own reply under the draft's thread with the draft's text, published at or after `since`.
    public func findPosted(_ draft: OutgoingPost, since: Date) async throws -> PostedRef? {
        guard let parent = YouTubePublisher.parent(draft.inReplyTo) else { return nil }
        let want = YouTubePublisher.normalised(draft.text)
        var token: String?
        do {
            for _ in 0..<5 {
                var q = [("part", "snippet"), ("parentId", parent), ("maxResults", "100"), ("textFormat", "plainText")]
                if let token { q.append(("pageToken", token)) }
                let page = try await client.get(
                    YouTube.Page<YouTube.Comment>.self, "/comments", q, cost: YouTubeQuotaLedger.Cost.list)
                var older = false
                for c in page.items {
                    guard let when = c.published else { continue }
                    if when < since { older = true; continue }
                    let mine = channelID.map { c.snippet.authorChannelId?.value == $0 } ?? true
                    if mine && YouTubePublisher.normalised(c.text) == want { return ref(c) }
                }
                guard !older, let next = page.nextPageToken, !next.isEmpty else { return nil }
                token = next
            }
        } catch let e as YouTubeError {
            // The thread is gone: nothing was posted under it, and nothing can be.
            if e.kind == .notFound { throw e.publishError }
            throw e.publishError
        } catch let e as SourceError { throw PublishError(e) }
        return nil
    }

    func ref(_ c: YouTube.Comment) -> PostedRef {
        let id = NetworkText.identifier(c.id)
        let url = c.snippet.videoId.map { "https://www.youtube.com/watch?v=\(NetworkText.identifier($0))&lc=\(id)" }
        return PostedRef(id: id, uri: id, url: url)
    }

    /// Text as compared for the lookup: trimmed, line ends and runs of spaces made one space.
    static func normalised(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
