import Foundation

public struct Note: Codable, Hashable, Sendable {
    public var actor: String, at: Date, text: String
    public init(actor: String, at: Date, text: String) { (self.actor, self.at, self.text) = (actor, at, text) }
}
