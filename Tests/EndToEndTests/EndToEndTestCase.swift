import Foundation
import XCTest

/// Base of the workbench end-to-end tests: closes every tmux session at the end and runs the real binary
/// for setup steps (init, ingest) as user "e2e".
class EndToEndTestCase: XCTestCase {
    var sessions: [TmuxSession] = []
    override func tearDown() {
        for s in sessions { s.close() }
        sessions = []
    }

    /// The demo workbench (`--demo`) at 120×40 as user "e2e" in a fresh data directory (removed after the test),
    /// once its sources poll.
    func startDemo(_ name: String) throws -> (TmuxSession, URL) {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-demo-\(name)-\(UUID().uuidString.prefix(8))")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let s = try TmuxSession.switchboard(
            ["--demo", "--data-dir", dir.path], width: 120, height: 40, environment: ["SWITCHBOARD_USER": "e2e"])
        sessions.append(s)
        _ = try s.waitFor("⟳ polling", timeout: 30)
        return (s, dir)
    }

    /// What the demo's network received (`demo-network.jsonl`), one object per request.
    func demoNetworkLog(_ dir: URL) throws -> [[String: Any]] {
        try Data(contentsOf: dir.appendingPathComponent("demo-network.jsonl")).split(separator: 10).map {
            try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any]
        }
    }

    /// One line of a JSON Lines import: a Mastodon mention `minutesAgo` before now.
    func line(_ id: String, _ text: String, minutesAgo: Double, author: String = "anna@social.example") -> String {
        let at = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-minutesAgo * 60))
        return
            #"{"platform":"mastodon","id":"\#(id)","text":"\#(text)","created_at":"\#(at)","author":{"handle":"\#(author)","followers":10}}"#
    }

    /// Runs `switchboard ARGS` to completion, feeding `stdin`; returns its exit status.
    @discardableResult
    func run(_ args: [String], stdin: String? = nil) throws -> Int32 {
        let p = Process()
        p.executableURL = try TmuxSession.switchboardBinary()
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(["SWITCHBOARD_USER": "e2e"]) { $1 }
        let inp = Pipe()
        p.standardInput = inp
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
