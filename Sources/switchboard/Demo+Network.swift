import DemoNetwork
import Foundation
import Listening
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// The demo's network accounts: `--demo` starts a loopback Mastodon/Bluesky endpoint (`DemoNetwork`) in its own
/// process and points the demo team's `masto`, `bsky` and `yt` sources at it, so replies and queued posts go out over HTTP
/// through the real connectors and come back in the feed as the brand's own posts.
extension Demo {
    static let networkLog = "demo-network.jsonl"

    /// Starts the endpoint and rewrites the demo's team.json for it (its port is new on every start); makes sure the
    /// person running the demo is a lead of the demo team. Nil, touching nothing, when the directory is not a demo's
    /// (its team.json has no `demo-replay` source, or does not parse: `--demo --data-dir` on a real one).
    static func startNetwork(_ dir: DataDirectory, user: String = Actor.current()) throws -> DemoNetwork? {
        guard let data = FileManager.default.contents(atPath: dir.teamFile.path),
            var team = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            (team["sources"] as? [[String: Any]] ?? []).contains(where: { $0["id"] as? String == "demo-replay" })
        else { return nil }
        let token = try secret(dir, "secrets/masto.token")
        let password = try secret(dir, "secrets/bsky.pass")
        var accounts = DemoAccounts(mastodonToken: token, blueskyPassword: password)
        accounts.graphToken = try secret(dir, "secrets/meta.token")
        accounts.youtubeToken = try secret(dir, "secrets/yt.token")
        accounts.xToken = try secret(dir, "secrets/x.token")
        accounts.redditToken = try secret(dir, "secrets/reddit.token")
        // The German demo is a German brand's day: only what people write in German.
        accounts.onlyLanguage = L10n.language == .de ? "de" : nil
        let net = try DemoNetwork(accounts: accounts, logFile: dir.root.appendingPathComponent(networkLog))
        team["sources"] = pointSources(team["sources"] as? [[String: Any]] ?? [], at: net.baseURL)
        team["team"] = addLead(team["team"] as? [[String: Any]] ?? [], user: user)
        var out = try JSONSerialization.data(
            withJSONObject: team, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        out.append(10)
        try FileIO.writeDocument(out, to: dir.teamFile, mode: 0o664)
        try addReplyRefs(toReplay: dir.root.appendingPathComponent("replay.jsonl"))
        return net
    }

    /// The demo's secret at `path` (relative to the data directory), made (random, mode 0600) when missing.
    static func secret(_ dir: DataDirectory, _ path: String) throws -> String {
        let file = dir.secretPath(path)
        if let d = FileManager.default.contents(atPath: file.path) {
            let s = String(decoding: d, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !s.isEmpty { return s }
        }
        let s = DemoAccounts.newSecret()
        try Secrets.write(s, to: file)
        return s
    }

    /// The `masto`, `bsky`, `ig` (Instagram), `fb` (Facebook), `yt` (YouTube), `xacme` (X)
    /// and `reddit` sources pointed at the
    /// endpoint, enabled, polled every 5 s (added when missing).
    static func pointSources(_ sources: [[String: Any]], at url: URL) -> [[String: Any]] {
        var out = sources
        let wanted: [(String, [String: Any])] = [
            (
                "masto",
                [
                    "type": "mastodon", "instance": url.absoluteString, "token_file": "secrets/masto.token",
                    "notifications": true,
                ]
            ),
            (
                "bsky",
                [
                    "type": "bluesky", "service": url.absoluteString, "handle": "acmecloud.bsky.social",
                    "app_password_file": "secrets/bsky.pass", "notifications": true,
                    "direct_messages": true,
                ]
            ),
            (
                "ig",
                [
                    "type": "instagram", "api": url.absoluteString, "account_id": DemoNetwork.instagramAccount,
                    "token_file": "secrets/meta.token", "comments": true, "mentions": true, "hashtags": ["acmecloud"],
                ]
            ),
            (
                "fb",
                [
                    "type": "facebook", "api": url.absoluteString, "page_id": DemoNetwork.facebookPage,
                    "token_file": "secrets/meta.token", "comments": true, "tagged": true, "visitor_posts": true,
                    "direct_messages": true,
                ]
            ),
            (
                "yt",
                [
                    "type": "youtube", "api": url.absoluteString + "/youtube/v3",
                    "channel_id": "UCacmeCloudDemoChannel01",
                    "token_file": "secrets/yt.token", "comments": true, "daily_quota": 10000, "handle": "@AcmeCloud",
                ]
            ),
            (
                "xacme",
                [
                    "type": "x", "api": url.absoluteString,
                    "user_id": DemoAccounts(mastodonToken: "", blueskyPassword: "").xUserID,
                    "token_file": "secrets/x.token", "mentions": true, "monthly_read_budget": 10000,
                    "direct_messages": true,
                ]
            ),
            (
                "reddit",
                [
                    "type": "reddit", "api": url.absoluteString + "/reddit", "token_file": "secrets/reddit.token",
                    "username": "acmecloud", "subreddits": ["acmecloud"], "inbox": true, "mentions": true,
                ]
            ),
        ]
        for (id, fields) in wanted {
            var s = out.first { $0["id"] as? String == id } ?? ["id": id, "interval": "5s"]
            s.merge(fields) { _, new in new }
            s["enabled"] = true
            if s["interval"] as? String == "60s" { s["interval"] = "5s" }
            if let i = out.firstIndex(where: { $0["id"] as? String == id }) { out[i] = s } else { out.append(s) }
        }
        return out
    }

    /// `user` as a lead of the team: added (named after the login's full name) when missing, else made lead.
    static func addLead(_ team: [[String: Any]], user: String) -> [[String: Any]] {
        var out = team
        if let i = out.firstIndex(where: { $0["user"] as? String == user }) { out[i]["role"] = "lead"; return out }
        out.append(["user": user, "name": fullName(user), "role": "lead"])
        return out
    }

    /// The full name of the login (the first field of its GECOS entry), else the login itself.
    static func fullName(_ user: String) -> String {
        if let pw = getpwnam(user), let g = pw.pointee.pw_gecos {
            let name = String(cString: g).split(separator: ",", omittingEmptySubsequences: false).first ?? ""
            let clean = name.trimmingCharacters(in: .whitespaces)
            if !clean.isEmpty && clean.unicodeScalars.allSatisfy({ !CharacterSet.controlCharacters.contains($0) }) {
                return clean
            }
        }
        return user
    }

    /// What a connector would have stored to answer a demo mention: the Mastodon status id (the last part of its
    /// URI), or the Bluesky AT-URI and a CID. Nil for other networks and when the mention has one already.
    static func replyRef(platform: String, id: String, threadRoot: String?) -> ReplyRef? {
        switch platform {
        case "mastodon":
            guard let status = id.split(separator: "/").last, status.allSatisfy(\.isNumber) else { return nil }
            return ReplyRef(uri: String(status), visibility: "public")
        case "bluesky":
            guard id.hasPrefix("at://") else { return nil }
            let root = threadRoot.flatMap { $0.hasPrefix("at://") ? $0 : nil } ?? id
            return ReplyRef(uri: id, cid: DemoNetwork.cid(id), rootURI: root, rootCID: DemoNetwork.cid(root))
        default: return nil
        }
    }

    /// The seed's mentions, answerable through the demo's network.
    static func withReplyRefs(_ mentions: [Mention]) -> [Mention] {
        mentions.map { m in
            var m = m
            if m.reply == nil { m.reply = replyRef(platform: m.platform, id: m.id, threadRoot: m.threadRoot) }
            return m
        }
    }

    /// Gives every Mastodon and Bluesky line of the replay file a `reply` reference (lines that have one, and
    /// lines that do not parse, stay as they are). Written only when something changed.
    static func addReplyRefs(toReplay file: URL) throws {
        guard let data = FileManager.default.contents(atPath: file.path) else { return }
        var changed = false
        var lines: [Data] = []
        for line in data.split(separator: 10, omittingEmptySubsequences: false) {
            if var obj = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any], obj["reply"] == nil,
                let ref = replyRef(
                    platform: obj["platform"] as? String ?? "", id: obj["id"] as? String ?? "",
                    threadRoot: obj["thread_root"] as? String)
            {
                var r: [String: Any] = [:]
                r["uri"] = ref.uri
                r["cid"] = ref.cid
                r["root_uri"] = ref.rootURI
                r["root_cid"] = ref.rootCID
                r["visibility"] = ref.visibility
                obj["reply"] = r
                lines.append(
                    try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes]))
                changed = true
            } else {
                lines.append(Data(line))
            }
        }
        let out = Data(lines.joined(separator: [10]))
        if changed { try FileIO.writeDocument(out, to: file) }
    }
}
