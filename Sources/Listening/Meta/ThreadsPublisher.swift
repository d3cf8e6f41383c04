import Foundation
import SwitchboardCore

/// Answers and posts for a Threads account (`user_id`), in two steps as Threads wants: a container
/// (`POST /{user}/threads` with `media_type=TEXT` and `text`, plus `reply_to_id` for a reply; `IMAGE` with `image_url`
/// and `alt_text`; `CAROUSEL` with `children` made of `is_carousel_item` containers), then
/// `POST /{user}/threads_publish` with `creation_id`. Image containers are published once their `status` is
/// `FINISHED`. No idempotency key: a retry first looks for the account's own reply to the same post
/// (`/{user}/replies`, `replied_to`) or its own thread with the same text (`/{user}/threads`). Shapes from Meta's
/// Threads API documentation (no recorded traffic).
public struct ThreadsPublisher: LookupBeforeRetry, MediaPublisher, NetworkConnector {
    public var platform: String { "threads" }
    let graph: GraphPublishing
    var user: String { graph.owner }
    /// Waits between looks at an image container's status, and how many looks before giving up for now.
    var statusWait: TimeInterval = 3, statusTries = 10

    public init(_ setup: ConnectorSetup) throws {
        graph = try GraphPublishing(setup)
    }

    static func replyTo(_ ref: ReplyRef?) throws -> String? {
        guard let ref else { return nil }
        guard let id = GraphReplyRef.object(ref) else {
            throw PublishError.configuration("the mention has no Threads id to answer: answer it in the Threads app")
        }
        return id
    }

    public func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
        try GraphPublishing.requireText(draft.text)
        var form = [("media_type", "TEXT"), ("text", draft.text)]
        if let r = try Self.replyTo(draft.inReplyTo) { form.append(("reply_to_id", r)) }
        form += Self.replyControl(draft)
        let container = try await graph.create("/\(user)/threads", form: form)
        return try await publish(container.id, waitForMedia: false)
    }

    public func post(_ draft: OutgoingPost, media: [QueueMedia], idempotencyKey: String) async throws -> PostedRef {
        guard !media.isEmpty else { return try await post(draft, idempotencyKey: idempotencyKey) }
        guard media.count <= 10 else { throw PublishError.rejected("Threads takes at most 10 images in a carousel") }
        let urls = try media.map { try graph.publicURL($0) }
        let reply = (try Self.replyTo(draft.inReplyTo).map { [("reply_to_id", $0)] } ?? []) + Self.replyControl(draft)
        let text = draft.text.isEmpty ? [] : [("text", draft.text)]
        let container: String
        if media.count == 1 {
            container = try await graph.create(
                "/\(user)/threads", form: Self.imageForm(url: urls[0], alt: media[0].alt) + text + reply
            ).id
        } else {
            var children: [String] = []
            for (u, m) in zip(urls, media) {
                let item = try await graph.create(
                    "/\(user)/threads", form: Self.imageForm(url: u, alt: m.alt) + [("is_carousel_item", "true")])
                children.append(item.id)
            }
            for c in children { try await waitUntilFinished(c) }
            container = try await graph.create(
                "/\(user)/threads",
                form: [("media_type", "CAROUSEL"), ("children", children.joined(separator: ","))] + text + reply
            ).id
        }
        return try await publish(container, waitForMedia: true)
    }

    /// `reply_control` while a crisis limits replies (Threads takes it only when the post is created).
    static func replyControl(_ draft: OutgoingPost) -> [(String, String)] {
        guard let rule = draft.replyLimit, let f = CreationReplyLimit.field(network: "threads", rule: rule) else {
            return []
        }
        return [(f.name, f.value)]
    }

    static func imageForm(url: String, alt: String?) -> [(String, String)] {
        var f = [("media_type", "IMAGE"), ("image_url", url)]
        if let alt = alt?.trimmingCharacters(in: .whitespaces), !alt.isEmpty { f.append(("alt_text", alt)) }
        return f
    }

    func publish(_ container: String, waitForMedia: Bool) async throws -> PostedRef {
        if waitForMedia { try await waitUntilFinished(container) }
        return graph.posted(try await graph.create("/\(user)/threads_publish", form: [("creation_id", container)]))
    }

    /// Waits until Threads has fetched and processed a media container (`status` `FINISHED`); `ERROR` is a
    /// rejection with Threads' reason.
    func waitUntilFinished(_ container: String) async throws {
        for attempt in 0..<max(1, statusTries) {
            let o = try await graph.object("/\(container)", fields: "status,error_message")
            switch (o["status"] as? String)?.uppercased() {
            case "FINISHED", "PUBLISHED", nil: return
            case "ERROR", "EXPIRED":
                let why = (o["error_message"] as? String).map { NetworkText.clean($0, max: 200) } ?? "no reason given"
                throw PublishError.rejected("Threads could not use the image: \(why)")
            default:
                if attempt + 1 < statusTries, statusWait > 0 {
                    try await Task.sleep(nanoseconds: UInt64(statusWait * 1e9))
                }
            }
        }
        throw PublishError.transient("Threads is still processing the image; tried again later")
    }

    /// The account's reply to the same post, or its thread with the same text, made since `since`.
    public func findPosted(_ draft: OutgoingPost, since: Date) async throws -> PostedRef? {
        if let parent = try Self.replyTo(draft.inReplyTo) {
            let replies = try await graph.recent(
                "/\(user)/replies", query: [("fields", "id,text,timestamp,permalink,replied_to"), ("limit", "25")])
            return GraphPublishing.match(replies, text: draft.text, since: since) {
                $0.repliedTo?.id == nil || $0.repliedTo?.id == parent
            }.map(graph.posted)
        }
        let threads = try await graph.recent(
            "/\(user)/threads", query: [("fields", "id,text,timestamp,permalink"), ("limit", "25")])
        return GraphPublishing.match(threads, text: draft.text, since: since) { _ in true }.map(graph.posted)
    }
}
