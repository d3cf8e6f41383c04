import Foundation

/// A reply that went out (or was handed over by hand) for a mention.
public struct ReplyRecord: Codable, Hashable, Sendable {
    public var text: String, actor: String, at: Date
    public var url: String?
    public var manual: Bool?
    /// A thread part's post as the network names it (AT-URI, status URI) and its Bluesky CID: what the next part
    /// answers. Nil for single replies.
    public var uri: String?
    public var cid: String?
    public init(text: String, actor: String, at: Date, url: String? = nil, manual: Bool? = nil) {
        (self.text, self.actor, self.at, self.url, self.manual) = (text, actor, at, url, manual)
    }
}
