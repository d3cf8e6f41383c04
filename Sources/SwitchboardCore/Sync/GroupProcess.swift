import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program (found on `PATH`; in this process's working directory) in its own process group, output to a temporary file, and on timeout ends the
/// whole group (SIGTERM, then SIGKILL): a `git` that started `ssh` or a credential helper leaves nothing behind.
public enum GroupProcess {
    public struct Result: Sendable {
        public var status: Int32
        /// Standard output and error together.
        public var output: String
        public var timedOut: Bool
        public var succeeded: Bool { status == 0 && !timedOut }
    }

    public static func run(
        _ program: String, _ args: [String], environment: [String: String] = [:],
        timeout: TimeInterval = 120
    ) throws -> Result {
        let outPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("sb-proc-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let argv = ([program] + args).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, program, &actions, &attr, argv, envp)
        guard rc == 0 else { throw SwitchboardError("cannot start \(program): \(String(cString: strerror(rc)))") }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var timedOut = false
        var delay: useconds_t = 500
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if Date() >= deadline {
                timedOut = true
                kill(-pid, SIGTERM)
                usleep(300_000)
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                break
            }
            usleep(delay)
            delay = min(delay * 2, 20_000)
        }
        // Whatever the group left running (a helper that outlived git) ends with it.
        kill(-pid, SIGKILL)
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        return Result(status: timedOut ? -1 : code, output: out, timedOut: timedOut)
    }
}
