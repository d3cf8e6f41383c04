import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The real workbench binary in a private tmux server at 120×40 (`xterm-256color`), its output recorded with
/// script(1): time from launch until the first frame has been written, bytes written per `j` within the page
/// (each `j` followed by a `k`, only the `j` counted), and the workbench process's peak resident memory.
enum ScaleTerminal {
    struct Result {
        var firstFrameSeconds: Double
        /// Launch until the first byte reached the terminal.
        var firstByteSeconds: Double, firstFrameBytes: Int, bytesPerJ: [Int]
        var peakMB: Double?
    }

    static func available() -> String? {
        for tool in ["tmux", "script"]
        where !["/usr/bin/", "/bin/", "/usr/local/bin/"].contains(where: {
            FileManager.default.isExecutableFile(atPath: $0 + tool)
        }) {
            return "\(tool) is not installed"
        }
        return nil
    }

    static func run(binary: String, dataDir: URL, presses: Int = 20, env: [String] = []) throws -> Result {
        let server = "sb-scale-\(getpid())"
        let tmp = FileManager.default.temporaryDirectory
        let out = tmp.appendingPathComponent("\(server).out").path
        let conf = tmp.appendingPathComponent("\(server).conf").path
        let home = tmp.appendingPathComponent("\(server)-home").path
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "set -g status off\nset -g escape-time 0\n".write(toFile: conf, atomically: true, encoding: .utf8)
        defer {
            _ = try? tmux(server, ["kill-server"])
            unlink(out)
            unlink(conf)
            try? FileManager.default.removeItem(atPath: home)
        }
        // A clean personal config (no keymap or theme of the user running the bench).
        let inner = ([
            "env", "TERM=xterm-256color", "HOME=\(home)", "XDG_CONFIG_HOME=\(home)/.config", "SWITCHBOARD_USER=bench",
        ] + env + [binary, "--data-dir", dataDir.path]).map(shellQuote).joined(separator: " ")
        let t0 = Bench.now()
        try tmux(
            server,
            [
                "-f", conf, "new-session", "-d", "-s", "m", "-x", "120", "-y", "40",
                "script -q -f -c \(shellQuote(inner)) \(shellQuote(out)); sleep 86400",
            ])
        // The terminal is set up before the feed state is built: wait for a whole frame (a few KB), then quiet.
        let (first, lastGrowth, firstByte) = settle(out, since: t0, timeout: 180, atLeast: 3000)
        guard first >= 3000 else {
            throw ChildProcess.Failure.exit(binary, -1, "the workbench wrote no full frame within 180 s")
        }
        let pid = workbenchPID(binary: binary, dataDir: dataDir.path)
        var counts: [Int] = []
        for i in 0..<(presses + 2) {
            let before = size(out)
            try tmux(server, ["send-keys", "-t", "m", "j"])
            _ = settle(out, since: Bench.now(), timeout: 10)
            if i >= 2 { counts.append(size(out) - before) }
            try tmux(server, ["send-keys", "-t", "m", "k"])
            _ = settle(out, since: Bench.now(), timeout: 10)
        }
        let peak = pid.flatMap { statusMB($0, "VmHWM") }
        _ = try? tmux(server, ["send-keys", "-t", "m", "q"])
        return Result(
            firstFrameSeconds: lastGrowth - t0, firstByteSeconds: firstByte - t0, firstFrameBytes: first,
            bytesPerJ: counts, peakMB: peak)
    }

    @discardableResult
    static func tmux(_ server: String, _ args: [String]) throws -> ChildProcess.Result {
        let path =
            ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
                FileManager.default.isExecutableFile(atPath: $0)
            } ?? "tmux"
        return try ChildProcess.run(path, ["-L", server] + args, env: ["TMUX": ""])
    }

    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// Polls the recording every 2 ms until it holds at least `atLeast` bytes and has not grown for 300 ms;
    /// returns its size, the moment it last grew and the moment it first grew.
    static func settle(_ path: String, since t0: Double, timeout: Double, atLeast: Int = 1) -> (Int, Double, Double) {
        var last = size(path)
        var lastGrowth = t0
        var firstGrowth = 0.0
        while Bench.now() - t0 < timeout {
            usleep(2000)
            let now = size(path)
            if now != last {
                last = now
                lastGrowth = Bench.now()
                if firstGrowth == 0 { firstGrowth = lastGrowth }
            }
            if last >= atLeast && Bench.now() - lastGrowth >= 0.3 { break }
        }
        return (last, lastGrowth, firstGrowth)
    }

    /// The workbench process: the one whose command line is our binary with this data directory.
    static func workbenchPID(binary: String, dataDir: String) -> Int32? {
        processPID { $0.first == binary && $0.contains(dataDir) }
    }

    /// The newest live process whose command line (`argv`) passes `test`. Newest: the workbench of an earlier run
    /// on the same history may still be ending (a folded 1M store takes seconds to go), and an ending process has
    /// no memory figures left to read.
    static func processPID(_ test: ([String]) -> Bool) -> Int32? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        var best: (pid: Int32, start: UInt64)?
        for n in names {
            guard let pid = Int32(n), let raw = FileManager.default.contents(atPath: "/proc/\(n)/cmdline") else {
                continue
            }
            guard test(raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }),
                statusMB(pid, "VmHWM") != nil
            else { continue }
            let start = startTicks(pid) ?? 0
            if best == nil || start > best!.start { best = (pid, start) }
        }
        return best?.pid
    }

    /// Field 22 of /proc/PID/stat: when the process started (clock ticks since boot).
    static func startTicks(_ pid: Int32) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // After the command name in parentheses: field 3 (state) onwards; the start time is field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }

    static func statusMB(_ pid: Int32, _ field: String) -> Double? {
        guard let s = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in s.split(separator: "\n") where line.hasPrefix(field + ":") {
            return line.split(separator: " ").compactMap { Double($0) }.first.map { $0 / 1024 }
        }
        return nil
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
