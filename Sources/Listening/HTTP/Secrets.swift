import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads secrets (tokens, app passwords) from a file under the data directory or from a command that
/// prints them. Secrets never appear in errors: messages name the file or the setting, never the value.
public enum Secrets {
    /// Resolves a secret from `file` (relative to the data directory, or absolute) or `command`
    /// (run with `/bin/sh -c`, stdout trimmed). `what` names it in errors ("token of source masto").
    public static func resolve(file: String?, command: String?, dataDir: DataDirectory, what: String) throws -> String {
        if let file, !file.isEmpty {
            let url = path(file, in: dataDir)
            let data = try read(url, what: what)
            if let why = exposure(url) { warn("warning: the \(what) file \(url.path) \(why)") }
            let s = trimmed(data)
            guard !s.isEmpty else { throw SourceError.configuration("the \(what) file \(url.path) is empty") }
            return s
        }
        if let command, !command.isEmpty { return try run(command, what: what) }
        throw SourceError.configuration("no \(what) configured (set a *_file or *_command)")
    }

    /// Reads a secret file; an error says why (the system's reason: no such file, permission denied, a directory).
    static func read(_ url: URL, what: String) throws -> Data {
        var st = stat()
        guard stat(url.path, &st) == 0 else {
            throw SourceError.configuration("cannot read the \(what) from \(url.path): \(FileIO.errnoText())")
        }
        if st.st_mode & S_IFMT == S_IFDIR {
            throw SourceError.configuration("cannot read the \(what) from \(url.path): it is a directory")
        }
        do { return Data(try FileIO.readBytes(url, from: 0, count: Int(st.st_size))) } catch {
            throw SourceError.configuration("cannot read the \(what) from \(url.path): \(FileIO.errnoText())")
        }
    }

    /// Why a secret file is exposed (group or others may read or write it), or nil when only its owner can.
    public static func exposure(_ url: URL) -> String? {
        var st = stat()
        guard stat(url.path, &st) == 0 else { return nil }
        let mode = st.st_mode & 0o777
        guard mode & 0o077 != 0 else { return nil }
        let who = mode & 0o007 != 0 ? "everybody" : "the group"
        return "can be read by \(who) (mode \(String(mode, radix: 8))); run: chmod 600 \(url.path)"
    }

    /// Where warnings about secrets go (a token file others can read). Standard error by default; the listener
    /// points it at its log so the warning is seen where the source runs.
    public static func setWarningHandler(_ handler: @escaping @Sendable (String) -> Void) {
        warnings.withLock { $0 = handler }
    }

    private static let warnings = LockedHandler()

    static func warn(_ text: String) {
        let h = warnings.withLock { $0 }
        h(text)
    }

    /// A secret path as configured: absolute, `~/…`, or relative to the data directory.
    public static func path(_ p: String, in dir: DataDirectory) -> URL { dir.secretPath(p) }

    /// Writes a secret with mode 0600 (atomically), creating `secrets/` when needed.
    public static func write(_ secret: String, to file: URL) throws {
        try FileIO.makeDirectory(file.deletingLastPathComponent(), mode: 0o700)
        try FileIO.writeDocument(Data((secret + "\n").utf8), to: file, mode: 0o600)
    }

    static func trimmed(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `/bin/sh -c command`; the secret is its standard output. Its stderr passes through to ours.
    static func run(_ command: String, what: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch {
            throw SourceError.configuration("cannot run the command for the \(what)")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw SourceError.configuration("the command for the \(what) failed (exit status \(p.terminationStatus))")
        }
        let s = trimmed(data)
        guard !s.isEmpty else { throw SourceError.configuration("the command for the \(what) printed nothing") }
        return s
    }
}

/// The warning handler behind a lock (set once by the listener, read whenever a secret is loaded).
private final class LockedHandler: @unchecked Sendable {
    private let lock = NSLock()
    private var handler: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    func withLock<T>(_ body: (inout @Sendable (String) -> Void) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&handler)
    }
}
