import Foundation
import SwitchboardCore

/// The full mention behind the selection, loaded by an effect (the feed keeps only small items).
public struct MentionDetail: Sendable, Equatable {
    public var mention: Mention
    /// Other stored mentions of the same thread (same root or reply chain), oldest first.
    public var thread: [Mention]
    /// The author's contact card (nil when the mention has no author, or the author is one of ours).
    public var contact: ContactCard?
    public init(mention: Mention, thread: [Mention]) { (self.mention, self.thread) = (mention, thread) }
}
