import Foundation
import SwitchboardCore

/// How the Graph sources fill a mention's `ReplyRef`, for the publishers and moderators that act on it:
///
/// - `uri`: the object's own id (the comment, reply, media, post or thread): what hide, unhide and delete act on.
/// - `rootURI`: the id of the media, post or thread the conversation hangs on.
/// - `rootCID`: the top-level comment a reply belongs to (Facebook and Instagram nest one level only: an answer to
///   a reply is posted on its top-level comment), nil for a top-level comment or a post.
/// - `visibility`: the kind of object (`GraphReplyRef.Kind`), so an answer takes the right route.
public enum GraphReplyRef {
    public enum Kind: String, Sendable, CaseIterable {
        /// A comment on the account's own media or post (answer: `/{comment}/replies` or `/{comment}/comments`).
        case comment
        /// A reply to a comment (answer on the top-level comment, `rootCID`).
        case reply
        /// A post or media of someone else: tagged, a visitor post, a hashtag result (answer: a comment on it).
        case post
        /// Instagram: a comment elsewhere that @-mentions the account (answer: `POST /{ig-user}/mentions` with
        /// `comment_id` and `media_id`).
        case mentionedComment = "mentioned_comment"
        /// Instagram: a caption elsewhere that @-mentions the account (answer: `POST /{ig-user}/mentions` with
        /// `media_id`).
        case mentionedMedia = "mentioned_media"
        /// Threads: a thread or reply (answer: a reply container with `reply_to_id` = `uri`).
        case thread
    }

    public static func make(object: String, kind: Kind, root: String?, parentComment: String? = nil) -> ReplyRef {
        ReplyRef(
            uri: NetworkText.identifier(object), rootURI: root.map(NetworkText.identifier),
            rootCID: parentComment.map(NetworkText.identifier), visibility: kind.rawValue)
    }

    /// The object's own id.
    public static func object(_ r: ReplyRef) -> String? { r.uri }
    /// The kind of object, when a Graph source stored it.
    public static func kind(_ r: ReplyRef) -> Kind? { r.visibility.flatMap(Kind.init(rawValue:)) }
    /// The media, post or thread the conversation hangs on.
    public static func root(_ r: ReplyRef) -> String? { r.rootURI }
    /// Where an answer goes: the top-level comment of a reply, else the object itself.
    public static func replyTarget(_ r: ReplyRef) -> String? { r.rootCID ?? r.uri }
}
