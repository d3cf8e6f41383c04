import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion with `posix_spawn` + `wait4`, so the caller gets the child's own peak
/// resident memory (`ru_maxrss`) — each benchmark phase runs in a fresh process and its figure is its own.
struct ChildProcess {
    struct Result {
        var status: Int32
        /// What it wrote on standard output and standard error.
        var stdout, stderr: String
        var seconds: Double
        /// Peak resident set size of the child, in MB.
        var peakMB: Double
        /// User + system CPU time of the child (all its threads), in seconds.
        var cpuSeconds: Double
    }

    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        case exit(String, Int32, String)
        var description: String {
            switch self {
            case .spawn(let p, let e): return "cannot start \(p): \(String(cString: strerror(e)))"
            case .exit(let p, let s, let err): return "\(p) exited with status \(s)\(err.isEmpty ? "" : ": " + err)"
            }
        }
    }

    /// The path of the running executable (the bench re-executes itself for each phase).
    static var selfPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs `path args…` with the current environment plus `env`; stdout and stderr go to temporary files.
    /// Throws when the program cannot start or exits with a non-zero status (and `check` is set).
    @discardableResult
    static func run(_ path: String, _ args: [String], env: [String: String] = [:], check: Bool = true) throws -> Result
    {
        let tmp = FileManager.default.temporaryDirectory
        let outPath = tmp.appendingPathComponent("sb-bench-child-\(getpid())-out").path
        let errPath = tmp.appendingPathComponent("sb-bench-child-\(getpid())-err").path
        defer { unlink(outPath); unlink(errPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        let argv = ([path] + args).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        let t0 = Bench.now()
        let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard rc == 0 else { throw Failure.spawn(path, rc) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Bench.now() - t0
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        if check && exitStatus != 0 {
            throw Failure.exit(([path] + args).joined(separator: " "), exitStatus, String(err.suffix(2000)))
        }
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
                usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Result(
            status: exitStatus, stdout: out, stderr: err, seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024,
            cpuSeconds: cpu)
    }

    /// Runs this bench again as `switchboard-bench PHASE args…` and decodes the JSON object it prints last.
    static func phase(_ name: String, _ args: [String]) throws -> (
        values: [String: Double], peakMB: Double, seconds: Double, cpuSeconds: Double
    ) {
        let r = try run(selfPath, [name] + args)
        guard let line = r.stdout.split(separator: "\n").last,
            let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else {
            throw Failure.exit(
                "switchboard-bench \(name)", r.status, "no JSON result in its output: \(r.stdout.suffix(500))")
        }
        var values: [String: Double] = [:]
        for (k, v) in obj { if let n = v as? NSNumber { values[k] = n.doubleValue } }
        return (values, r.peakMB, r.seconds, r.cpuSeconds)
    }
}

/// CPU time (user + system, every thread) this process has used so far, in seconds.
func processCPUSeconds() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}
