import Foundation

/// What a connector needs to answer a post through the network's own API.
public struct ReplyRef: Codable, Hashable, Sendable {
    /// Mastodon status id / Bluesky AT-URI of the post itself.
    public var uri: String?
    /// Bluesky CID of the post.
    public var cid: String?
    /// Bluesky thread root (AT-URI and CID), when the post is itself a reply.
    public var rootURI: String?
    public var rootCID: String?
    /// Mastodon visibility of the original (public, unlisted, private, direct).
    public var visibility: String?

    public init(
        uri: String? = nil, cid: String? = nil, rootURI: String? = nil, rootCID: String? = nil,
        visibility: String? = nil
    ) {
        (self.uri, self.cid, self.rootURI, self.rootCID, self.visibility) = (uri, cid, rootURI, rootCID, visibility)
    }

    enum CodingKeys: String, CodingKey {
        case uri, cid, visibility, rootURI = "root_uri", rootCID = "root_cid"
    }
}
