import Foundation
import SwitchboardCore

/// Answers and posts for an Instagram professional account (`account_id`). Replies: a comment on the account's media
/// is answered with `POST /{comment}/replies` (`message`); a reply is answered on its top-level comment (Instagram
/// nests one level); comments and captions elsewhere that @-mention the account with `POST /{ig-user}/mentions`.
/// Posts: an image container (`POST /{ig-user}/media` with `image_url`, `caption`, `alt_text`) or a carousel (one
/// `is_carousel_item` container per image, then `media_type=CAROUSEL` with `children`), then
/// `POST /{ig-user}/media_publish` with `creation_id`. Instagram takes no idempotency key: a retry first looks for
/// the post among the account's own replies or media (`findPosted`).
public struct InstagramPublisher: LookupBeforeRetry, MediaPublisher, NetworkConnector {
    public var platform: String { "instagram" }
    let graph: GraphPublishing
    var account: String { graph.owner }

    public init(_ setup: ConnectorSetup) throws {
        graph = try GraphPublishing(setup)
    }

    /// Where a reply goes and with which form (without the token).
    enum Route: Equatable {
        case replies(comment: String)
        case mentions(form: [String: String])
    }

    static func route(_ ref: ReplyRef?, account: String) throws -> Route {
        guard let ref, let object = GraphReplyRef.object(ref) else {
            throw PublishError.configuration(
                "the mention has no Instagram id to answer: answer it in the Instagram app")
        }
        switch GraphReplyRef.kind(ref) {
        case .mentionedComment?:
            var f = ["comment_id": object]
            if let media = GraphReplyRef.root(ref) { f["media_id"] = media }
            return .mentions(form: f)
        case .mentionedMedia?:
            return .mentions(form: ["media_id": object])
        case .post?:
            throw PublishError.rejected(
                "Instagram lets apps comment only on the account's own media and where it is @-mentioned: answer this "
                    + "post (tagged or found by hashtag) in the Instagram app")
        default:
            return .replies(comment: GraphReplyRef.replyTarget(ref) ?? object)
        }
    }

    public func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
        // An answer to a private message goes back through the Send API, never as a comment or a post.
        if draft.inReplyTo?.visibility == "direct" { return try await graph.messaging().send(draft) }
        try GraphPublishing.requireText(draft.text)
        guard draft.inReplyTo != nil else {
            throw PublishError.rejected("Instagram needs an image: a text-only post cannot be published there")
        }
        switch try Self.route(draft.inReplyTo, account: account) {
        case .replies(let c):
            return graph.posted(try await graph.create("/\(c)/replies", form: [("message", draft.text)]))
        case .mentions(let f):
            let form = f.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [("message", draft.text)]
            return graph.posted(try await graph.create("/\(account)/mentions", form: form))
        }
    }

    public func post(_ draft: OutgoingPost, media: [QueueMedia], idempotencyKey: String) async throws -> PostedRef {
        guard !media.isEmpty else { return try await post(draft, idempotencyKey: idempotencyKey) }
        guard draft.inReplyTo?.visibility != "direct" else {
            throw PublishError.rejected("an answer to a private message is sent as text, without media")
        }
        // A comment reply takes only text: never a new post of the image instead.
        if draft.inReplyTo != nil, let why = ReplyMedia.refusal(platform, count: media.count) {
            throw PublishError.rejected(why)
        }
        guard media.count <= 10 else { throw PublishError.rejected("Instagram takes at most 10 images in a carousel") }
        let urls = try media.map { try graph.publicURL($0) }
        let container: String
        if media.count == 1 {
            container = try await graph.create(
                "/\(account)/media", form: Self.imageForm(url: urls[0], alt: media[0].alt, caption: draft.text)
            ).id
        } else {
            var children: [String] = []
            for (u, m) in zip(urls, media) {
                let form = Self.imageForm(url: u, alt: m.alt, caption: nil) + [("is_carousel_item", "true")]
                children.append(try await graph.create("/\(account)/media", form: form).id)
            }
            container = try await graph.create(
                "/\(account)/media",
                form: [
                    ("media_type", "CAROUSEL"), ("children", children.joined(separator: ",")), ("caption", draft.text),
                ]
            ).id
        }
        let published = try await graph.create("/\(account)/media_publish", form: [("creation_id", container)])
        return graph.posted(published)
    }

    static func imageForm(url: String, alt: String?, caption: String?) -> [(String, String)] {
        var f = [("image_url", url)]
        if let caption, !caption.isEmpty { f.append(("caption", caption)) }
        if let alt = alt?.trimmingCharacters(in: .whitespaces), !alt.isEmpty { f.append(("alt_text", alt)) }
        return f
    }

    /// The account's reply under the same comment, or its media with the same caption, made since `since`.
    public func findPosted(_ draft: OutgoingPost, since: Date) async throws -> PostedRef? {
        if draft.inReplyTo?.visibility == "direct" { return try await graph.messaging().find(draft, since: since) }
        let own: (GraphObject) -> Bool = { o in o.authorID == nil || o.authorID == account }
        let found: GraphObject?
        if draft.inReplyTo == nil {
            let media = try await graph.recent(
                "/\(account)/media", query: [("fields", "id,caption,timestamp,permalink"), ("limit", "25")])
            found = GraphPublishing.match(media, text: draft.text, since: since) { _ in true }
        } else {
            switch try Self.route(draft.inReplyTo, account: account) {
            case .replies(let c):
                let replies = try await graph.recent(
                    "/\(c)/replies",
                    query: [("fields", "id,text,username,timestamp,from{id,username}"), ("limit", "50")])
                found = GraphPublishing.match(replies, text: draft.text, since: since, isOwn: own)
            case .mentions(let f):
                found = try await findMentionAnswer(f, draft: draft, since: since, own: own)
            }
        }
        return found.map(graph.posted)
    }

    /// An answer made through `/mentions`: the comments of the mentioned media (or the replies of the comment).
    func findMentionAnswer(
        _ f: [String: String], draft: OutgoingPost, since: Date, own: (GraphObject) -> Bool
    ) async throws -> GraphObject? {
        let inner = "{id,text,username,timestamp,from{id,username}}"
        let fields =
            f["comment_id"].map { "mentioned_comment.comment_id(\($0)){replies\(inner)}" }
            ?? "mentioned_media.media_id(\(f["media_id"] ?? "")){comments\(inner)}"
        let obj = try await graph.object("/\(account)", fields: fields)
        let holder = (obj["mentioned_comment"] ?? obj["mentioned_media"]) as? [String: Any]
        let list = (holder?["replies"] ?? holder?["comments"]) as? [String: Any]
        guard let list, let data = try? JSONSerialization.data(withJSONObject: list) else { return nil }
        let page = try? JSONDecoder().decode(GraphPage<GraphObject>.self, from: data)
        return GraphPublishing.match(page?.data ?? [], text: draft.text, since: since, isOwn: own)
    }
}
