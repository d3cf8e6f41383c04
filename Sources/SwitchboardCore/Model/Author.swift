import Foundation

/// Who wrote a mention, as the network shows them.
public struct Author: Codable, Hashable, Sendable {
    public var handle: String
    public var name: String?
    public var url: String?
    public var followers: Int?

    public init(handle: String, name: String? = nil, url: String? = nil, followers: Int? = nil) {
        self.handle = handle
        self.name = name
        self.url = url
        self.followers = followers
    }
}
