import Foundation
import SwitchboardCore

/// Answers and posts as a Facebook Page (`page_id`, with a Page token). Replies: `POST /{comment-or-post}/comments`
/// with `message` (a reply to a reply goes on its top-level comment: Facebook nests one level). Posts: text and link
/// on `POST /{page}/feed` (`message`, `link`); one photo on `POST /{page}/photos` (`url`, `message`,
/// `alt_text_custom`); several photos uploaded unpublished (`published=false`), then one feed post with
/// `attached_media[i]={"media_fbid":…}`. A reply with a photo: the photo unpublished, then the comment with its
/// `attachment_id`. No idempotency key: a retry first looks for the Page's own comment under the
/// same parent (`/{parent}/comments?filter=stream`, `from` = the Page) or its own post with the same text.
public struct FacebookPublisher: LookupBeforeRetry, MediaPublisher, NetworkConnector {
    public var platform: String { "facebook" }
    let graph: GraphPublishing
    var page: String { graph.owner }

    public init(_ setup: ConnectorSetup) throws {
        graph = try GraphPublishing(setup)
    }

    /// The comment or post an answer goes under.
    static func parent(_ ref: ReplyRef?) throws -> String {
        guard let ref, let target = GraphReplyRef.replyTarget(ref) else {
            throw PublishError.configuration("the mention has no Facebook id to answer: answer it on Facebook")
        }
        return target
    }

    public func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
        // An answer to a private message goes back through the Send API, never as a comment or a post.
        if draft.inReplyTo?.visibility == "direct" { return try await graph.messaging().send(draft) }
        try GraphPublishing.requireText(draft.text)
        if draft.inReplyTo != nil {
            let p = try Self.parent(draft.inReplyTo)
            return graph.posted(try await graph.create("/\(p)/comments", form: [("message", draft.text)]))
        }
        var form = [("message", draft.text)]
        if let l = draft.link, !l.isEmpty { form.append(("link", l)) }
        return graph.posted(try await graph.create("/\(page)/feed", form: form))
    }

    public func post(_ draft: OutgoingPost, media: [QueueMedia], idempotencyKey: String) async throws -> PostedRef {
        guard !media.isEmpty else { return try await post(draft, idempotencyKey: idempotencyKey) }
        guard draft.inReplyTo?.visibility != "direct" else {
            throw PublishError.rejected("an answer to a private message is sent as text, without media")
        }
        let urls = try media.map { try graph.publicURL($0) }
        if draft.inReplyTo != nil { return try await comment(draft, photo: urls, media: media) }
        if media.count == 1 {
            var form = Self.photoForm(url: urls[0], alt: media[0].alt)
            if !draft.text.isEmpty { form.append(("message", draft.text)) }
            let o = try await graph.create("/\(page)/photos", form: form)
            // A photo answers with its id and the id of the feed post that shows it.
            return PostedRef(id: o.postID ?? o.id, uri: o.postID ?? o.id, url: o.link)
        }
        var form = [("message", draft.text)]
        for (i, (u, m)) in zip(urls, media).enumerated() {
            let photo = try await graph.create(
                "/\(page)/photos", form: Self.photoForm(url: u, alt: m.alt) + [("published", "false")])
            form.append(("attached_media[\(i)]", #"{"media_fbid":"\#(photo.id)"}"#))
        }
        return graph.posted(try await graph.create("/\(page)/feed", form: form))
    }

    /// A comment with a photo: the photo uploaded unpublished with its alt text (`POST /{page}/photos`,
    /// `published=false`), then `POST /{parent}/comments` with `message` and its `attachment_id`. A comment carries
    /// one photo.
    func comment(_ draft: OutgoingPost, photo urls: [String], media: [QueueMedia]) async throws -> PostedRef {
        guard media.count == 1 else {
            throw PublishError.rejected("a Facebook comment takes one photo, not \(media.count)")
        }
        let p = try Self.parent(draft.inReplyTo)
        let photo = try await graph.create(
            "/\(page)/photos", form: Self.photoForm(url: urls[0], alt: media[0].alt) + [("published", "false")])
        var form = [("attachment_id", photo.id)]
        if !draft.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            form.insert(("message", draft.text), at: 0)
        }
        return graph.posted(try await graph.create("/\(p)/comments", form: form))
    }

    static func photoForm(url: String, alt: String?) -> [(String, String)] {
        var f = [("url", url)]
        if let alt = alt?.trimmingCharacters(in: .whitespaces), !alt.isEmpty { f.append(("alt_text_custom", alt)) }
        return f
    }

    /// The Page's comment under the same parent, or its post with the same text, made since `since`.
    public func findPosted(_ draft: OutgoingPost, since: Date) async throws -> PostedRef? {
        if draft.inReplyTo?.visibility == "direct" { return try await graph.messaging().find(draft, since: since) }
        let own: (GraphObject) -> Bool = { $0.authorID == nil || $0.authorID == page }
        if draft.inReplyTo != nil {
            let p = try Self.parent(draft.inReplyTo)
            let comments = try await graph.recent(
                "/\(p)/comments",
                query: [
                    ("filter", "stream"), ("order", "reverse_chronological"),
                    ("fields", "id,message,created_time,from,permalink_url"), ("limit", "50"),
                ])
            return GraphPublishing.match(comments, text: draft.text, since: since, isOwn: own).map(graph.posted)
        }
        let posts = try await graph.recent(
            "/\(page)/published_posts",
            query: [("fields", "id,message,created_time,from,permalink_url"), ("limit", "25")])
        return GraphPublishing.match(posts, text: draft.text, since: since, isOwn: own).map(graph.posted)
    }
}
