import Foundation
import SwitchboardCore

extension BlueskyPublisher: MediaPublisher {
    /// Uploads up to four images (`uploadBlob`) and posts them as an `app.bsky.embed.images` embed with their alt
    /// texts. Same record key as a post without media, so a retry finds the post already made.
    public func post(_ draft: OutgoingPost, media: [QueueMedia], idempotencyKey: String) async throws -> PostedRef {
        if media.isEmpty { return try await post(draft, idempotencyKey: idempotencyKey) }
        guard media.count <= 4 else { throw PublishError.rejected("Bluesky allows at most 4 images per post") }
        guard draft.text.count <= BlueskyPublisher.maxGraphemes else {
            throw PublishError.rejected(
                "\(draft.text.count) characters: Bluesky allows \(BlueskyPublisher.maxGraphemes)")
        }
        do {
            var images: [[String: Any]] = []
            for m in media {
                let mime = MastodonPublisher.mimeType(m.path)
                guard mime.hasPrefix("image/") else {
                    throw PublishError.rejected(
                        "\((m.path as NSString).lastPathComponent): Bluesky posts take images only here")
                }
                guard let data = FileManager.default.contents(atPath: m.path) else {
                    throw PublishError.configuration("cannot read the media file \(m.path)")
                }
                let blob = try JSONSerialization.jsonObject(with: try await client.uploadBlob(data, mimeType: mime))
                images.append(["alt": m.alt ?? "", "image": blob])
            }
            let session = try await client.session()
            var record = try BlueskyPublisher.record(for: draft, facets: try await resolveFacets(draft.text))
            record["embed"] = ["$type": "app.bsky.embed.images", "images": images]
            return try await createRecord(record, session: session, draft: draft, idempotencyKey: idempotencyKey)
        } catch let e as SourceError {
            throw PublishError(e)
        }
    }
}
