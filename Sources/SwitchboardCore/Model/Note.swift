import Foundation

public struct Note: Codable, Hashable, Sendable {
    public var actor: String
    public var at: Date
    public var text: String
    public init(actor: String, at: Date, text: String) {
        self.actor = actor
        self.at = at
        self.text = text
    }
}
