import Foundation

/// An answer from an internal team to a handed-off mention (what the composer can offer).
public struct HandoffReply: Codable, Hashable, Sendable {
    public var team: String
    public var text: String
    /// Who recorded it.
    public var actor: String
    public var at: Date
    public init(team: String, text: String, actor: String, at: Date) {
        (self.team, self.text, self.actor, self.at) = (team, text, actor, at)
    }
}
