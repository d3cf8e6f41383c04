import Foundation
import SwitchboardCore
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
