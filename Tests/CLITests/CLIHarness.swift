import Foundation
import TestSupport
import SwitchboardCore
import XCTest

/// Runs the real `switchboard` binary against temporary data directories.
struct CLI {
    static var binary: URL {
        if let p = ProcessInfo.processInfo.environment["SWITCHBOARD_BIN"] { return URL(fileURLWithPath: p) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/switchboard")
    }

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs the binary; `stdout`, when given, is the child's standard output instead of a pipe (`out` is then empty).
    @discardableResult
    static func run(
        _ args: [String], stdin: String? = nil, env: [String: String] = [:], stdout: FileHandle? = nil,
        executable: URL? = nil
    ) throws -> Result {
        let p = Process()
        p.executableURL = executable ?? binary
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        e["SWITCHBOARD_USER"] = "anna"
        e["LANG"] = "C.UTF-8"
        // English unless a test asks otherwise (issue 21: these choose the interface's language).
        for k in ["LANGUAGE", "LC_ALL", "LC_MESSAGES"] { e[k] = nil }
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        p.standardOutput = stdout ?? out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output can't block the child.
        let errData = LockedData()
        let t = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        t.start()
        if stdout != nil { try out.fileHandleForWriting.close() }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !errData.done { usleep(1000) }
        return Result(
            status: p.terminationStatus, out: String(decoding: o, as: UTF8.self),
            err: String(decoding: errData.get(), as: UTF8.self))
    }

    static func tempDataDir() -> String {
        // Not made here (some tests check what `init` makes of a missing folder): removed at exit all the same.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-cli-\(UUID().uuidString.prefix(8))")
        TestFolders.remember(url)
        return url.path
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var finished = false
    func set(_ d: Data) {
        lock.withLock {
            data = d
            finished = true
        }
    }
    func get() -> Data { lock.withLock { data } }
    var done: Bool { lock.withLock { finished } }
}

/// Import-format lines: `n` mentions with ids prefixed by `prefix`.
func importLines(_ prefix: String, _ n: Int, platform: String = "mastodon") -> String {
    (0..<n).map { i in
        #"{"platform":"\#(platform)","id":"\#(prefix)-\#(i)","text":"Post \#(i) über „Acme“ 🎉","created_at":"2026-11-2\#(i % 7)T10:\#(String(format: "%02d", i % 60)):00Z","author":{"handle":"user\#(i % 13)@example.social","followers":\#(i * 7)}}"#
    }.joined(separator: "\n") + "\n"
}

extension XCTestCase {
    /// A fresh data directory made by `switchboard init --brand Acme`, removed after the test.
    func initialisedDataDir() throws -> String {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        let r = try CLI.run(["init", "--data-dir", d, "--brand", "Acme"])
        XCTAssertEqual(r.status, 0, r.err)
        return d
    }

    /// Writes a secret file (mode 0600) under `d` and sets team.json's `sources` (and more top-level `fields`).
    func useSources(
        _ d: String, _ sources: [[String: Any]], secret: (path: String, text: String), fields: [String: Any] = [:]
    )
        throws
    {
        try FileManager.default.createDirectory(
            atPath: (d + "/" + secret.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(
            atPath: d + "/" + secret.path, contents: Data(secret.text.utf8), attributes: [.posixPermissions: 0o600])
        let url = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        team["sources"] = sources
        team.merge(fields) { $1 }
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }
}
