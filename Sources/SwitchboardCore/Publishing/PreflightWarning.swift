import Foundation

/// One pre-flight warning: the manager decides (schedule anyway with `--yes`, or change the post).
public struct PreflightWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case openQuestion = "open_question", competitor, sensitive, crisis, mediaWithoutAlt = "media_without_alt"
        case
            tooLong = "too_long"
        case duplicate
        case tooManyHashtags = "too_many_hashtags", needsMedia = "needs_media", tooManyMedia = "too_many_media"
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) { (self.kind, self.message) = (kind, message) }
    public var description: String { "\(kind.rawValue): \(message)" }
}
