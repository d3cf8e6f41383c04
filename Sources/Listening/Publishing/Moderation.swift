import Foundation
import SwitchboardCore

/// Moderation of mentions through their network (hide, delete, approve…), shared by `switchboard moderate` and
/// the workbench: find the moderator of the source that found the mention, check the network offers the action,
/// ask the network, and only after it said yes record `Action.moderate` with the reason.
public enum Moderation {
    /// The moderator for a mention (from the team's sources); throws `ModerationError` when there is none.
    public typealias ModeratorFor = @Sendable (Mention) throws -> Moderator

    /// Moderators from the team's sources: the source that found the mention (`mention.source`), else the first
    /// enabled source of its network (`Listener.moderator(for:dataDir:http:)`).
    public static func moderators(team: TeamConfig, dataDir: DataDirectory, http: HTTPClient) -> ModeratorFor {
        { m in
            let net = m.platform.lowercased() == "bsky" ? "bluesky" : m.platform.lowercased()
            guard let src = team.answeringSource(network: net, origin: m.source) else {
                if let why = noAPI(net) { throw ModerationError.noAPI(network: net, why: why) }
                let origin = m.source.map { " (" + L10n.t("moderation.error.cameFrom", ["source": $0]) + ")" } ?? ""
                throw ModerationError.failed(
                    .configuration(L10n.t("moderation.error.noSource", ["network": networkName(net)]) + origin))
            }
            let made: Moderator?
            do { made = try Listener.moderator(for: src, dataDir: dataDir, http: http) } catch let e as PublishError {
                throw ModerationError.failed(e)
            } catch let e as SourceError { throw ModerationError.failed(PublishError(e)) }
            guard let made else {
                throw ModerationError.noAPI(
                    network: net,
                    why: noAPI(net) ?? L10n.t("moderation.error.noneHere", ["network": networkName(net)]))
            }
            return made
        }
    }

    /// Why a network has no moderation API, or nil when it may have one.
    static func noAPI(_ network: String) -> String? {
        switch network {
        case "mastodon":
            return L10n.t("moderation.error.authorOnly", ["network": "Mastodon"])
        case "bluesky":
            return L10n.t("moderation.error.blueskySource")
        case "rss", "jsonl", "import":
            return L10n.t("moderation.error.notANetwork", ["network": networkName(network)])
        default: return nil
        }
    }

    /// `Instagram`, `Facebook`, `Mastodon`…: the network as people write it.
    public static func networkName(_ n: String) -> String {
        switch n.lowercased() {
        case "rss": return "RSS"
        case "jsonl": return "JSON Lines"
        case "x": return "X"
        case "youtube": return "YouTube"
        default: return n.prefix(1).uppercased() + n.dropFirst()
        }
    }

    /// The kinds the mention's network offers (for the workbench chooser); throws like `perform`.
    public static func offered(_ m: Mention, moderatorFor: ModeratorFor) throws -> [ModerationKind] {
        try moderatorFor(m).supported
    }

    /// Moderates mention `key`: checks, asks the network, records `Action.moderate` (by `actor`) once it said yes.
    /// Returns the recorded event.
    @discardableResult
    public static func perform(
        store: Store, key: String, kind: ModerationKind, reason: String?, ban: Bool = false, actor: String,
        moderatorFor: ModeratorFor, now: Date = Date()
    ) async throws -> AuditEvent {
        guard let m = store.mention(key) else { throw ModerationError.noMention(key) }
        if store.state(key).moderated == .delete { throw ModerationError.deleted(key: key) }
        let mod = try moderatorFor(m)
        guard mod.supported.contains(kind) else {
            throw ModerationError.notOffered(network: mod.platform, kind: kind, offered: mod.supported)
        }
        let target = m.reply ?? ReplyRef(uri: m.id)
        let why = reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        do {
            try await mod.moderate(target, kind, reason: why, ban: ban)
        } catch let e as PublishError {
            throw ModerationError.failed(e)
        } catch let e as SourceError {
            throw ModerationError.failed(PublishError(e))
        }
        let events = try store.record(
            [.moderate(mention: key, kind: kind, reason: why, ban: ban)], actor: actor, now: now)
        return events[0]
    }
}
