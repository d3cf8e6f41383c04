import Foundation
import SwitchboardCore

/// Hide, unhide and delete through the Graph API. Facebook (as the Page): `POST /{comment}` with
/// `is_hidden=true|false`, `DELETE /{comment-or-visitor-post}`. Instagram: `POST /{comment}` with `hide=true|false`,
/// `DELETE /{comment}`.
/// Threads: `POST /{reply}/manage_reply` with `hide=true|false`, `DELETE /{thread}` (the account's own posts and
/// replies only). Errors come back like a post's: 190 needs login, a missing permission named.
public struct GraphModerator: Moderator, NetworkConnector {
    public let platform: String
    let graph: GraphPublishing

    public init(_ setup: ConnectorSetup) throws {
        graph = try GraphPublishing(setup)
        platform = graph.network
    }

    public var supported: [ModerationKind] { [.hide, .unhide, .delete] }

    /// The request for `kind` on object `id`: method, path, form.
    func request(_ kind: ModerationKind, _ id: String) -> (String, String, [(String, String)])? {
        let flag = kind == .hide ? "true" : "false"
        switch (platform, kind) {
        case (_, .delete): return ("DELETE", "/\(id)", [])
        case ("facebook", .hide), ("facebook", .unhide): return ("POST", "/\(id)", [("is_hidden", flag)])
        case ("instagram", .hide), ("instagram", .unhide): return ("POST", "/\(id)", [("hide", flag)])
        case ("threads", .hide), ("threads", .unhide): return ("POST", "/\(id)/manage_reply", [("hide", flag)])
        default: return nil
        }
    }

    public func moderate(_ target: ReplyRef, _ kind: ModerationKind, reason: String?, ban: Bool) async throws {
        guard target.visibility != "direct" else {
            throw PublishError.rejected(
                "\(Moderation.networkName(platform)) offers no hide or delete for a private message through its API")
        }
        guard let id = GraphReplyRef.object(target), !id.isEmpty else {
            throw PublishError.configuration("the mention has no \(Moderation.networkName(platform)) id to act on")
        }
        guard let (method, path, form) = request(kind, id) else {
            throw PublishError.rejected("\(Moderation.networkName(platform)) does not offer \(kind.rawValue)")
        }
        if method == "DELETE" { try await graph.delete(path) } else { try await graph.update(path, form: form) }
    }
}
