import Foundation

/// A reply that went out (or was handed over by hand) for a mention.
public struct ReplyRecord: Codable, Hashable, Sendable {
    public var text: String
    public var actor: String
    public var at: Date
    public var url: String?
    public var manual: Bool?
    public init(text: String, actor: String, at: Date, url: String? = nil, manual: Bool? = nil) {
        self.text = text
        self.actor = actor
        self.at = at
        self.url = url
        self.manual = manual
    }
}
