import Foundation

/// Someone's post the demo's network knows, so that a conversation fetched from it has the other people in it: a
/// Mastodon status (`id` its number on the server, `inReplyTo` the number it answers) or a Bluesky post (`id` and
/// `inReplyTo` AT-URIs).
public struct DemoThreadPost: Sendable, Hashable {
    public var network: String, id: String, uri: String, text: String
    public var inReplyTo: String?, rootURI: String?
    /// `anna_k@mastodon.social`, `derekvoss.bsky.social`.
    public var handle: String
    public var name: String?
    public var createdAt: Date

    public init(
        network: String, id: String, uri: String, text: String, inReplyTo: String?, rootURI: String? = nil,
        handle: String, name: String?, createdAt: Date
    ) {
        (self.network, self.id, self.uri, self.text, self.inReplyTo) = (network, id, uri, text, inReplyTo)
        (self.rootURI, self.handle, self.name, self.createdAt) = (rootURI, handle, name, createdAt)
    }
}
