import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// The reference beside the real workbench: neomutt opening an mbox of as many short messages (the same generated
/// texts and authors), in a private tmux server at 120×40 under script(1) as ours — launch until its first whole
/// index screen has been written, and its peak resident memory. Skipped with a note when neomutt is not installed
/// (`apt-get install -y neomutt`).
enum ScaleMutt {
    struct Result { var firstFrameSeconds: Double, peakMB: Double? }

    static var binary: String? {
        ["/usr/bin/neomutt", "/usr/local/bin/neomutt"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// An mbox of `n` messages: a sender, a date within the last 30 days, the text as subject and body.
    static func writeMbox(count n: Int, to file: URL, now: Date = Date()) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let h = try FileHandle(forWritingTo: file)
        defer { try? h.close() }
        var gen = MentionGenerator(seed: 1_000_003)
        let fmt = DateFormatter()
        fmt.locale = Locale(identifier: "en_US_POSIX")
        fmt.timeZone = TimeZone(identifier: "UTC")
        fmt.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let envelope = DateFormatter()
        envelope.locale = fmt.locale
        envelope.timeZone = fmt.timeZone
        envelope.dateFormat = "EEE MMM dd HH:mm:ss yyyy"
        var buf = ""
        for i in 0..<n {
            let user = "user\(gen.next() % 20_000)"
            let at = now.addingTimeInterval(-Double(gen.next() % (30 * 86_400)))
            let text = gen.pick(MentionGenerator.en).replacingOccurrences(of: "\n", with: " ")
            buf += "From \(user)@mastodon.example \(envelope.string(from: at))\n"
            buf += "From: User <\(user)@mastodon.example>\nTo: acme@example.com\n"
            buf += "Subject: \(text.prefix(60))\nDate: \(fmt.string(from: at))\nMessage-ID: <\(i)@bench>\n\n"
            buf += text + "\n\n"
            if buf.utf8.count > 900_000 || i == n - 1 {
                h.write(Data(buf.utf8))
                buf.removeAll(keepingCapacity: true)
            }
        }
    }

    static func run(count n: Int) throws -> Result? {
        guard let binary else { return nil }
        let server = "sb-scale-mutt-\(getpid())"
        let tmp = FileManager.default.temporaryDirectory
        let home = tmp.appendingPathComponent("\(server)-home")
        let mbox = home.appendingPathComponent("bench.mbox")
        let out = tmp.appendingPathComponent("\(server).out").path
        let conf = tmp.appendingPathComponent("\(server).conf").path
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer {
            _ = try? ScaleTerminal.tmux(server, ["kill-server"])
            unlink(out)
            unlink(conf)
            try? FileManager.default.removeItem(at: home)
        }
        try writeMbox(count: n, to: mbox)
        // No header cache, no progress messages, no prompts: one load of the mbox, then the index.
        let rc = home.appendingPathComponent("muttrc")
        try """
        set folder="\(home.path)"
        set spool_file="\(mbox.path)"
        set mbox_type=mbox
        set header_cache=""
        set read_inc=0
        set sort=date
        set mark_old=no
        set help=yes
        set mail_check=3600
        """.write(to: rc, atomically: true, encoding: .utf8)
        try "set -g status off\nset -g escape-time 0\n".write(toFile: conf, atomically: true, encoding: .utf8)
        let inner = [
            "env", "TERM=xterm-256color", "HOME=\(home.path)", binary, "-n", "-R", "-F", rc.path, "-f", mbox.path,
        ].map(ScaleTerminal.shellQuote).joined(separator: " ")
        let t0 = Bench.now()
        try ScaleTerminal.tmux(
            server,
            [
                "-f", conf, "new-session", "-d", "-s", "m", "-x", "120", "-y", "40",
                "script -q -f -c \(ScaleTerminal.shellQuote(inner)) \(ScaleTerminal.shellQuote(out)); sleep 86400",
            ])
        // ~52 s at 1M on this machine kind: ten minutes, or a second per 10,000 messages for a larger mbox.
        let limit = max(600, Double(n) / 10_000)
        let (first, lastGrowth, _) = ScaleTerminal.settle(out, since: t0, timeout: limit, atLeast: 3000)
        guard first >= 3000 else {
            throw ChildProcess.Failure.exit(binary, -1, "neomutt wrote no screen in \(Int(limit)) s")
        }
        let pid = ScaleTerminal.processPID { $0.first == binary && $0.contains(mbox.path) }
        let peak = pid.flatMap { ScaleTerminal.statusMB($0, "VmHWM") }
        _ = try? ScaleTerminal.tmux(server, ["send-keys", "-t", "m", "q"])
        return Result(firstFrameSeconds: lastGrowth - t0, peakMB: peak)
    }
}
