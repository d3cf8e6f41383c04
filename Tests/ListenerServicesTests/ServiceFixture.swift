import Foundation
import Listening
import SwitchboardCore
import TestSupport
import XCTest

/// A temporary data directory with a team.json, removed after the test.
enum ServiceFixture {
    static func dataDir(_ test: XCTestCase, team: TeamConfig = ServiceFixture.team()) throws -> DataDirectory {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-svc-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try FileIO.makeDirectory(dir.root)
        try write(team, to: dir)
        return dir
    }

    /// A store whose team has a Mastodon account `masto` and a Bluesky account `bsky` (DID `did:plc:acme123`), both
    /// on `server`, with their secrets, and the user lea; the server answers Bluesky logins.
    static func mastodonAndBluesky(_ test: XCTestCase, _ server: NetworkTestServer) throws -> (Store, TeamConfig) {
        var team = ServiceFixture.team()
        var masto = SourceConfig(id: "masto", type: "mastodon")
        masto.instance = server.baseURL.absoluteString
        masto.tokenFile = "secrets/masto.token"
        var bsky = SourceConfig(id: "bsky", type: "bluesky")
        bsky.service = server.baseURL.absoluteString
        bsky.handle = "acme.bsky.social"
        bsky.appPasswordFile = "secrets/bsky.pass"
        team.sources = [masto, bsky]
        team.team = [.init(user: "lea", name: "Lea", role: "lead")]
        let dir = try ServiceFixture.dataDir(test, team: team)
        try Secrets.write("masto-secret-token-123", to: dir.root.appendingPathComponent("secrets/masto.token"))
        try Secrets.write("abcd-efgh-ijkl-mnop", to: dir.root.appendingPathComponent("secrets/bsky.pass"))
        server.on(
            "POST", "/xrpc/com.atproto.server.createSession",
            .json(
                #"{"accessJwt":"acc-1","refreshJwt":"ref-1","handle":"acme.bsky.social","did":"did:plc:acme123","active":true}"#
            ))
        return (try Store(dir: dir), team)
    }

    static func team() -> TeamConfig { TeamConfig(brand: .init(name: "Acme", terms: ["Acme"])) }

    static func write(_ team: TeamConfig, to dir: DataDirectory) throws {
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
    }

    /// A Mastodon status as `POST /api/v1/statuses` answers it.
    static func status(id: String) -> String {
        let account = """
            {"id":"7001","username":"acme","acct":"acme","display_name":"Acme","locked":false,"bot":false,\
            "discoverable":true,"group":false,"created_at":"2021-03-16T14:34:26.392Z","note":"",\
            "url":"https://social.example/@acme",\
            "avatar":"https://files.example/a.png","avatar_static":"https://files.example/a.png",\
            "header":"https://files.example/h.png","header_static":"https://files.example/h.png","followers_count":3,\
            "following_count":1,"statuses_count":5,"last_status_at":"2026-11-26","emojis":[],"fields":[]}
            """
        return """
            {"id":"\(id)","created_at":"2026-11-26T10:00:00.000Z","in_reply_to_id":null,"in_reply_to_account_id":null,\
            "sensitive":false,"spoiler_text":"","visibility":"public","language":"en",\
            "uri":"https://social.example/users/acme/statuses/9\(id)","url":"https://social.example/@acme/9\(id)",\
            "replies_count":0,"reblogs_count":0,"favourites_count":0,"edited_at":null,"content":"<p>Hello</p>",\
            "reblog":null,"account":\(account),"media_attachments":[],"mentions":[],"tags":[],"emojis":[],"card":null,\
            "poll":null}
            """
    }
}

/// Collects log lines (services log through a closure).
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
}
