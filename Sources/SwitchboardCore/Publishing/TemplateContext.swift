import Foundation

/// What a template's placeholders are filled with.
public struct TemplateContext: Sendable, Equatable {
    public var author: Author?
    /// The team member replying (their `signature`, else `name`, fills `{{agent}}`).
    public var agent: TeamConfig.Member?
    /// The mention's key (`{{ticket}}` is `SB-` and its first 6 characters, upper-cased).
    public var mentionKey: String

    public init(author: Author?, agent: TeamConfig.Member?, mentionKey: String) {
        (self.author, self.agent, self.mentionKey) = (author, agent, mentionKey)
    }

    public init(mention: Mention, agent: TeamConfig.Member?) {
        self.init(author: mention.author, agent: agent, mentionKey: mention.key)
    }

    public static func ticket(_ key: String) -> String { "SB-" + key.prefix(6).uppercased() }
}
