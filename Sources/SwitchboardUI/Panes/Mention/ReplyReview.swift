import Foundation
import SwitchboardCore

/// The review screen before sending (as aerc): `y` send, `e` edit, `n` back; `j`/`k`, PgUp/PgDn scroll a review
/// longer than the screen (a long thread).
public struct ReplyReview: Sendable, Equatable {
    public var key: String
    /// The reply as it will go out (signature included).
    public var text: String, warnings: [ReplyWarning], network: String
    /// To whom, as shown (`@anna@social.example on Mastodon`).
    public var target: String
    /// No reply API (RSS, JSON Lines): `y` copies the reply and shows the link instead.
    public var manual: Bool
    public var url: String?
    /// The posts it goes out as: one, or the parts of a thread (`ThreadSplitter`), markers included.
    public var parts: [String] = []
    /// Images attached (`:attach`), sent with the first post.
    public var media: [QueueMedia] = []
    /// The visibility of what is answered (`direct`: a private message, counted against the message limit).
    public var visibility: String?
    /// The first line shown when the review is longer than the screen.
    public var scroll = 0
}
