import Foundation
import SwitchboardCore

/// Moderates comments on the channel's videos: `comments.setModerationStatus` (hold and hide → `heldForReview`,
/// approve and unhide → `published`, reject → `rejected`, with `banAuthor=true` when asked) and `comments.delete` for
/// the channel's own comments. Each costs 50 quota units; both need the youtube.force-ssl scope.
public struct YouTubeModerator: Moderator, NetworkConnector {
    public var platform: String { "youtube" }
    public var supported: [ModerationKind] { [.hide, .unhide, .hold, .approve, .reject, .delete] }
    let client: YouTubeClient

    public init(_ setup: ConnectorSetup) throws {
        let (config, dataDir, http, timeout, now) = setup.parts
        client = try YouTubeClient(
            config: config, dataDir: dataDir, http: http, label: "youtube moderation \(config.id)", timeout: timeout,
            now: now)
    }

    /// The `moderationStatus` value for `kind`, nil for kinds that are not a status.
    static func status(_ kind: ModerationKind) -> String? {
        switch kind {
        case .hold, .hide: return "heldForReview"
        case .approve, .unhide: return "published"
        case .reject: return "rejected"
        default: return nil
        }
    }

    public func moderate(_ target: ReplyRef, _ kind: ModerationKind, reason: String?, ban: Bool) async throws {
        guard let id = target.uri, !id.isEmpty else {
            throw PublishError.configuration("the comment has no id to moderate")
        }
        if ban && kind != .reject {
            throw PublishError.configuration("YouTube bans an author only together with reject")
        }
        do {
            if kind == .delete {
                _ = try await client.call(
                    "DELETE", "/comments", [("id", id)], cost: YouTubeQuotaLedger.Cost.write, write: true)
            } else if let status = YouTubeModerator.status(kind) {
                var q = [("id", id), ("moderationStatus", status)]
                if ban { q.append(("banAuthor", "true")) }
                _ = try await client.call(
                    "POST", "/comments/setModerationStatus", q, cost: YouTubeQuotaLedger.Cost.write, write: true)
            } else {
                throw PublishError.configuration(
                    "YouTube cannot \(kind.rawValue) a comment (it offers hide, unhide, hold, approve, reject and delete)"
                )
            }
        } catch let e as YouTubeError where e.kind == .forbidden && YouTubeModerator.status(kind) != nil {
            // Only the owner of the video moderates its comments.
            throw PublishError.rejected(
                "YouTube lets a channel \(kind.rawValue) only comments on its own videos; this comment is on another "
                    + "channel's video (\(e.message))")
        } catch let e as YouTubeError {
            throw e.publishError
        } catch let e as SourceError { throw PublishError(e) }
    }
}
