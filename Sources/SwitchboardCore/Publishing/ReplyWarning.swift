import Foundation

/// A pre-send warning: shown inline, never a block (the manager decides).
public struct ReplyWarning: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case tooLong = "too_long", unfilledPlaceholder = "placeholder", salesyToComplaint = "salesy"
        case allCaps = "all_caps", unanswered = "unanswered", insecureLink = "insecure_link"
        case tooManyHashtags = "too_many_hashtags"
        /// An attached image without alt text.
        case mediaWithoutAlt = "media_without_alt"
    }
    public var kind: Kind
    public var message: String
    public var description: String { message }
    public init(kind: Kind, message: String) { (self.kind, self.message) = (kind, message) }
}
