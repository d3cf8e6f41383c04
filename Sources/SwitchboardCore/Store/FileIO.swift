import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A failure with a message a person can act on (file, line, what to do).
public struct SwitchboardError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Low-level durable file operations: locked appends with one write(2) and fsync,
/// atomic document replacement, and permission handling for shared (setgid) data directories.
public enum FileIO {
    /// Runs `body` holding an exclusive `flock` on `lockFile` (created when missing).
    /// A data directory one may only read (a read-only mount, a colleague's directory without group write) still
    /// takes the lock, through a read-only descriptor: reading works, and writing fails where it writes, by name.
    public static func withLock<T>(_ lockFile: URL, shared: Bool = false, _ body: () throws -> T) throws -> T {
        let fd = openLockFile(lockFile)
        guard fd >= 0 else { throw SwitchboardError("cannot open lock \(lockFile.path): \(errnoText())") }
        defer { close(fd) }
        while flock(fd, shared ? LOCK_SH : LOCK_EX) != 0 {
            if errno != EINTR { throw SwitchboardError("cannot lock \(lockFile.path): \(errnoText())") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Tries to take an exclusive lock without waiting; returns the open descriptor (keep it open to hold the lock) or nil.
    public static func tryLock(_ lockFile: URL) -> Int32? {
        switch tryLockResult(lockFile) {
        case .locked(let fd): return fd
        default: return nil
        }
    }

    public enum TryLock: Equatable, Sendable {
        /// Locked: keep the descriptor open to hold the lock.
        case locked(Int32)
        /// Another open file description holds the lock.
        case busy
        /// The lock file cannot be opened (errno text).
        case unavailable(String)
    }

    /// Like `tryLock`, telling "someone holds it" from "cannot open the lock file".
    public static func tryLockResult(_ lockFile: URL) -> TryLock {
        let fd = openLockFile(lockFile)
        guard fd >= 0 else { return .unavailable(errnoText()) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            close(fd)
            return e == EWOULDBLOCK ? .busy : .unavailable(errnoText(e))
        }
        return .locked(fd)
    }

    /// Opens (creating) a lock file read-write — group-writable in a shared directory, so the next person can
    /// open it too — or read-only when that is all one may (flock works on either).
    static func openLockFile(_ lockFile: URL) -> Int32 {
        let fd = open(lockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        if fd >= 0 { fixGroupMode(fd: fd, in: lockFile.deletingLastPathComponent(), mode: 0o664); return fd }
        let e = errno
        guard e == EACCES || e == EROFS || e == EPERM else { return -1 }
        let ro = open(lockFile.path, O_RDONLY | O_CLOEXEC)
        if ro < 0 { errno = e }
        return ro
    }

    /// Appends `bytes` to `file` with a single write(2) (retrying only the unwritten rest on a short write) and fsyncs.
    public static func append(_ bytes: [UInt8], to file: URL, sync: Bool = true) throws {
        let fd = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw SwitchboardError("cannot open \(file.path) for appending: \(errnoText())") }
        defer { close(fd) }
        fixGroupMode(fd: fd, in: file.deletingLastPathComponent(), mode: 0o664)
        try writeAll(fd: fd, bytes: bytes, path: file.path)
        if sync, fsync(fd) != 0 { throw SwitchboardError("cannot sync \(file.path): \(errnoText())") }
    }

    static func writeAll(fd: Int32, bytes: [UInt8], path: String) throws {
        var done = 0
        try bytes.withUnsafeBytes { raw in
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    let msg = errnoText()
                    if done > 0 { _ = ftruncateBack(fd: fd, by: done) }
                    throw SwitchboardError("cannot write \(path): \(msg)")
                }
                done += n
            }
        }
    }

    /// Removes a partially written record from the end of an append-only file (after ENOSPC).
    static func ftruncateBack(fd: Int32, by count: Int) -> Bool {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return false }
        return ftruncate(fd, st.st_size - off_t(count)) == 0
    }

    /// Replaces `file` atomically: temp file in the same directory, fsync, rename, fsync of the directory.
    public static func writeDocument(_ data: Data, to file: URL, mode: mode_t = 0o664) throws {
        let w = try AtomicWriter(file, mode: mode)
        do { try w.write([UInt8](data)) } catch {
            w.abandon()
            throw error
        }
        try w.commit()
    }

    public static func syncDirectory(_ dir: URL) {
        let fd = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    /// Creates a directory (and parents); in a setgid parent the new one is group-writable and setgid too.
    public static func makeDirectory(_ dir: URL, mode: mode_t = 0o775) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) {
            if isDir.boolValue { return }
            throw SwitchboardError("\(dir.path) exists and is not a directory")
        }
        try makeDirectory(dir.deletingLastPathComponent(), mode: 0o775)
        if mkdir(dir.path, mode) != 0 && errno != EEXIST {
            throw SwitchboardError("cannot create directory \(dir.path): \(errnoText())")
        }
        var st = stat()
        if stat(dir.deletingLastPathComponent().path, &st) == 0, st.st_mode & S_ISGID != 0, mode & 0o070 != 0 {
            chmod(dir.path, mode | S_ISGID | 0o070)
        }
    }

    /// Creates `file` if missing and, in a setgid (group-shared) directory, makes it and `companions` (files
    /// another library creates beside it with its mode, e.g. SQLite's `-wal` and `-shm`) group-writable.
    public static func shareWithGroup(_ file: URL, companions: [String] = []) {
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        if fd >= 0 {
            fixGroupMode(fd: fd, in: file.deletingLastPathComponent(), mode: 0o664)
            close(fd)
        }
        for suffix in companions {
            let c = open(file.path + suffix, O_RDONLY | O_CLOEXEC)
            guard c >= 0 else { continue }
            fixGroupMode(fd: c, in: file.deletingLastPathComponent(), mode: 0o664)
            close(c)
        }
    }

    /// In a setgid (group-shared) directory, new files get group read/write whatever the umask says.
    static func fixGroupMode(fd: Int32, in dir: URL, mode: mode_t) {
        guard mode & 0o060 != 0 else { return }
        var st = stat()
        guard stat(dir.path, &st) == 0, st.st_mode & S_ISGID != 0 else { return }
        var fs = stat()
        guard fstat(fd, &fs) == 0, fs.st_uid == geteuid(), fs.st_mode & 0o060 != 0o060 else { return }
        fchmod(fd, (fs.st_mode & 0o7777) | 0o060)
    }

    /// Reads `count` bytes from `offset` (fewer at end of file) straight into an array.
    public static func readBytes(_ file: URL, from offset: Int, count: Int) throws -> [UInt8] {
        let fd = open(file.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SwitchboardError("cannot read \(file.path): \(errnoText())") }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        try out.withUnsafeMutableBytes { raw in
            while done < count {
                let n = pread(fd, raw.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SwitchboardError("cannot read \(file.path): \(errnoText())")
                }
                if n == 0 { break }
                done += n
            }
        }
        if done < count { out.removeSubrange(done...) }
        return out
    }

    /// The size of `file` in bytes (0 when it cannot be read).
    public static func size(_ file: URL) -> Int {
        var st = stat()
        return stat(file.path, &st) == 0 ? Int(st.st_size) : 0
    }

    public static func errnoText(_ e: Int32 = errno) -> String {
        if L10n.language == .de, let name = errnoNames[e] { return L10n.t("errno." + name) }
        return String(cString: strerror(e))
    }

    /// The errors a user meets most, by name: said in German from the catalogue (the C library speaks English here).
    static let errnoNames: [Int32: String] = [
        ENOENT: "ENOENT", EACCES: "EACCES", EISDIR: "EISDIR", ENOTDIR: "ENOTDIR", ENOSPC: "ENOSPC", EROFS: "EROFS",
        EEXIST: "EEXIST", EPERM: "EPERM",
    ]

    /// Reads and decodes a human-edited JSON document; errors name the file, and line and column or the field.
    public static func readDocument<T: Decodable>(_ type: T.Type, from file: URL) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw SwitchboardError(
                L10n.t("file.cannotRead", ["path": file.path, "error": (error as NSError).localizedDescription]))
        }
        return try decodeDocument(type, from: data, name: file.path)
    }

    public static func decodeDocument<T: Decodable>(_ type: T.Type, from data: Data, name: String) throws -> T {
        try checkVersion(type, data: data, name: name)
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .switchboard
        do { return try dec.decode(type, from: data) } catch let e as DecodingError {
            throw SwitchboardError("\(name): " + describe(e, data: data))
        } catch let e as NewerVersionError {
            throw SwitchboardError("\(name): \(e)")
        }
    }

    /// Turns a DecodingError into `line L, column C: …` (syntax) or `field a.b: …` (shape).
    public static func describe(_ e: DecodingError, data: Data) -> String {
        func path(_ p: [CodingKey]) -> String {
            p.isEmpty
                ? "top level"
                : p.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(
                    of: ".[", with: "[")
        }
        switch e {
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty, let (l, c, why) = syntaxErrorPosition(data) {
                return "line \(l), column \(c): \(why)"
            }
            return "field \(path(ctx.codingPath)): \(ctx.debugDescription)"
        case .keyNotFound(let k, let ctx):
            return "field \(path(ctx.codingPath + [k])): missing"
        case .typeMismatch(let t, let ctx):
            return "field \(path(ctx.codingPath)): expected \(describeType(t))"
        case .valueNotFound(let t, let ctx):
            return "field \(path(ctx.codingPath)): expected \(describeType(t)), found null"
        @unknown default:
            return "\(e)"
        }
    }

    static func describeType(_ t: Any.Type) -> String {
        let s = String(describing: t)
        if s.hasPrefix("Array") { return "a list" }
        if s.hasPrefix("Dictionary") { return "an object" }
        switch s {
        case "String": return "a string"
        case "Int", "Double": return "a number"
        case "Bool": return "true or false"
        default: return s
        }
    }

    /// Line and column (1-based) of the first JSON syntax error in `data`, from JSONSerialization's character offset.
    public static func syntaxErrorPosition(_ data: Data) -> (Int, Int, String)? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let desc = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            var offset = data.count
            if let r = desc.range(of: "character ") {
                let digits = desc[r.upperBound...].prefix { $0.isNumber }
                if let n = Int(digits) { offset = min(n, data.count) }
            }
            var line = 1
            var col = 1
            for b in data.prefix(offset) {
                if b == 10 {
                    line += 1
                    col = 1
                } else if b & 0xC0 != 0x80 {
                    col += 1
                }
            }
            let why = desc.replacingOccurrences(
                of: #" around (line \d+, column \d+|character \d+)\.?"#, with: "", options: .regularExpression)
            return (line, col, why.isEmpty ? "not valid JSON" : why)
        }
    }
}
