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
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw SourceError.configuration("cannot read the \(what) from \(url.path)")
            }
            let s = trimmed(data)
            guard !s.isEmpty else { throw SourceError.configuration("the \(what) file \(url.path) is empty") }
            return s
        }
        if let command, !command.isEmpty {
            return try run(command, what: what)
        }
        throw SourceError.configuration("no \(what) configured (set a *_file or *_command)")
    }

    /// A secret path as configured: absolute, `~/…`, or relative to the data directory.
    public static func path(_ p: String, in dir: DataDirectory) -> URL {
        if p.hasPrefix("/") { return URL(fileURLWithPath: p) }
        if p.hasPrefix("~/") {
            return URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(String(p.dropFirst(2)))
        }
        return dir.root.appendingPathComponent(p)
    }

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
