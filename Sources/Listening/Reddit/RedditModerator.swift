import Foundation
import SwitchboardCore

/// Moderates comments and posts where the account moderates: remove and hide (`/api/remove`), approve and unhide
/// (`/api/approve`),
/// lock and unlock (`/api/lock`, `/api/unlock`), and delete the account's own (`/api/del`). Each is a form
/// `id=FULLNAME&api_type=json`; Reddit answers `{}`, or a 403 when the account does not moderate there.
public struct RedditModerator: Moderator, NetworkConnector {
    public var platform: String { "reddit" }
    public var supported: [ModerationKind] { [.hide, .unhide, .remove, .approve, .lock, .unlock, .delete] }
    let publisher: RedditPublisher

    public init(_ setup: ConnectorSetup) throws {
        publisher = try RedditPublisher(setup)
    }

    /// The endpoint and form for `kind` on `fullname` (nil: not offered on Reddit).
    public static func request(_ kind: ModerationKind, _ fullname: String) -> (path: String, form: [(String, String)])?
    {
        switch kind {
        case .remove, .hide: return ("/api/remove", [("id", fullname), ("spam", "false"), ("api_type", "json")])
        case .approve, .unhide: return ("/api/approve", [("id", fullname), ("api_type", "json")])
        case .lock: return ("/api/lock", [("id", fullname), ("api_type", "json")])
        case .unlock: return ("/api/unlock", [("id", fullname), ("api_type", "json")])
        case .delete: return ("/api/del", [("id", fullname), ("api_type", "json")])
        default: return nil
        }
    }

    public func moderate(_ target: ReplyRef, _ kind: ModerationKind, reason: String?, ban: Bool) async throws {
        guard let name = target.uri, name.hasPrefix("t1_") || name.hasPrefix("t3_") else {
            throw PublishError.rejected("a Reddit item is moderated by its t1_/t3_ fullname; this mention has none")
        }
        guard let (path, form) = RedditModerator.request(kind, name) else {
            throw PublishError.rejected(
                "Reddit offers hide, unhide, remove, approve, lock, unlock and delete, not \(kind.rawValue)")
        }
        let client = publisher.client
        let r: HTTPResponse
        do { r = try await client.send("POST", path, query: [], form: form, raw: [403]) } catch let e as SourceError {
            throw PublishError(e)
        }
        if r.status == 403 { throw PublishError.rejected(try await notModerator(name, kind)) }
        do {
            let reply = try NetworkCall.decode(Reddit.JSONReply.self, from: r, label: client.label)
            if let e = reply.errors.first {
                throw RedditPublisher.error(code: e.code, message: e.message, now: client.now(), label: client.label)
            }
        } catch let e as SourceError { throw PublishError(e) }
    }

    /// "u/NAME is not a moderator of r/SUB" (the subreddit looked up with `/api/info`; deleting needs the author).
    func notModerator(_ name: String, _ kind: ModerationKind) async throws -> String {
        let client = publisher.client
        let user = publisher.username.map { "u/" + NetworkText.clean($0, max: 40) } ?? "this account"
        if kind == .delete { return "\(user) may delete only its own comments and posts" }
        var sub = "this subreddit"
        if let r = try? await client.get("/api/info", [("id", name)]),
            let s = (try? NetworkCall.decode(Reddit.Listings.self, from: r, label: client.label))?.listing.children
                .first?.data.subreddit, !s.isEmpty
        {
            sub = "r/" + NetworkText.clean(s, max: 40)
        }
        return "\(user) is not a moderator of \(sub)"
    }
}
