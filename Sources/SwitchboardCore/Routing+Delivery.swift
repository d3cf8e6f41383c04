import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What an internal team gets for a hand-off: one JSON object (keys sorted, one line, newline-terminated), on the
/// command's stdin or in `<dir>/<mention-key>.json`.
public struct HandoffPayload: Codable, Hashable, Sendable {
    public var v = 1
    /// Switchboard's mention key (what `switchboard handoff reply KEY` takes).
    public var mention: String
    /// The network's id of the post.
    public var id: String
    public var platform: String
    public var author: Author?
    public var text: String
    public var title: String?
    public var url: String?
    public var createdAt: Date
    public var sentiment: String?
    public var score: Double?
    public var intents: [String]
    public var tags: [String]
    public var rule: String
    public var team: String
    public var note: String?
    /// When it was handed off.
    public var at: Date

    public init(mention m: Mention, state: MentionState, rule: String, team: String, note: String? = nil, at: Date) {
        mention = m.key; id = m.id; platform = m.platform
        author = m.author.map { Author(handle: ControlText.clean($0.handle), name: $0.name.map(ControlText.clean), url: $0.url, followers: $0.followers) }
        text = ControlText.clean(m.text); title = m.title.map(ControlText.clean); url = m.url; createdAt = m.createdAt
        sentiment = m.analysis?.sentiment.rawValue; score = m.analysis.map { ($0.score * 1000).rounded() / 1000 }
        intents = m.analysis?.intents.map(\.rawValue) ?? []; tags = state.tags
        self.rule = rule; self.team = team; self.note = note; self.at = at
    }

    enum CodingKeys: String, CodingKey {
        case v, mention, id, platform, author, text, title, url, sentiment, score, intents, tags, rule, team, note, at
        case createdAt = "created_at"
    }

    /// The bytes delivered: sorted keys, no extra spaces, a final newline.
    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .switchboard
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self) + Data([10])
    }
}

/// Removes terminal controls from network text before it leaves for another system: C0 controls but newline and
/// tab, DEL, C1 controls, ESC sequences (CSI, OSC, two-character) and bidi overrides.
public enum ControlText {
    public static func clean(_ s: String) -> String {
        if !s.unicodeScalars.contains(where: isSuspect) { return s }
        var out = String.UnicodeScalarView()
        var it = Array(s.unicodeScalars)[...]
        while let u = it.popFirst() {
            if u.value == 0x1B {
                guard let next = it.popFirst() else { break }
                if next == "[" { while let c = it.popFirst(), !(0x40...0x7E).contains(c.value) {} }
                else if next == "]" || next == "P" || next == "_" || next == "^" {
                    while let c = it.popFirst() {
                        if c.value == 7 || c.value == 0x9C { break }
                        if c.value == 0x1B { _ = it.popFirst(); break }
                    }
                }
                continue
            }
            if isSuspect(u) && u != "\n" && u != "\t" { continue }
            out.append(u)
        }
        return String(out)
    }

    static func isSuspect(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}

/// Runs a rule's delivery: the command with the payload on stdin, or the atomic file write.
public enum HandoffDelivery {
    /// Delivers `payload` for mention `key`; returns where it went (`command`, or the file's path). Throws
    /// `SwitchboardError` with what went wrong (exit status and the end of stderr, a timeout, a write error).
    public static func deliver(_ payload: Data, key: String, rule: RoutingRule, dataDir: DataDirectory, timeout: TimeInterval = 30) throws -> String {
        switch rule.delivery {
        case .directory(let d):
            let dir = d.hasPrefix("/") ? URL(fileURLWithPath: d) : dataDir.root.appendingPathComponent(d)
            try FileIO.makeDirectory(dir)
            let file = dir.appendingPathComponent(key + ".json")
            try FileIO.writeDocument(payload, to: file)
            return file.path
        case .command(let c):
            try run(c, stdin: payload, environment: ["SWITCHBOARD_MENTION": key, "SWITCHBOARD_RULE": rule.name, "SWITCHBOARD_TEAM": rule.team,
                                                      "SWITCHBOARD_DATA_DIR": dataDir.root.path], cwd: dataDir.root, timeout: timeout)
            return "command"
        }
    }

    /// `sh -c command` with `stdin` from a temporary file (no SIGPIPE when the command ignores it) and output captured
    /// in another (no pipe to fill up). Throws unless it exits with status 0 within `timeout`.
    static func run(_ command: String, stdin: Data, environment: [String: String], cwd: URL, timeout: TimeInterval) throws {
        let tmp = FileManager.default.temporaryDirectory
        let tag = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let inFile = tmp.appendingPathComponent("sb-handoff-in-\(tag)"), outFile = tmp.appendingPathComponent("sb-handoff-out-\(tag)")
        defer { unlink(inFile.path); unlink(outFile.path) }
        guard FileManager.default.createFile(atPath: inFile.path, contents: stdin),
              FileManager.default.createFile(atPath: outFile.path, contents: nil),
              let input = FileHandle(forReadingAtPath: inFile.path), let output = FileHandle(forWritingAtPath: outFile.path) else {
            throw SwitchboardError("cannot create temporary files in \(tmp.path)")
        }
        defer { try? input.close(); try? output.close() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        do { try p.run() } catch { throw SwitchboardError("command could not start: \(error)") }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(5_000) }
        if p.isRunning {
            p.terminate()
            usleep(200_000)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            throw SwitchboardError("command timed out after \(Int(timeout)) s")
        }
        p.waitUntilExit()
        guard p.terminationReason == .exit, p.terminationStatus == 0 else {
            let said = String(decoding: ((try? Data(contentsOf: outFile)) ?? Data()).suffix(300), as: UTF8.self)
            let tail = ControlText.clean(said).split(whereSeparator: \.isNewline).suffix(2).joined(separator: " / ")
            let how = p.terminationReason == .exit ? "exited with status \(p.terminationStatus)" : "was killed by signal \(p.terminationStatus)"
            throw SwitchboardError("command \(how)" + (tail.isEmpty ? "" : ": " + tail))
        }
    }
}
