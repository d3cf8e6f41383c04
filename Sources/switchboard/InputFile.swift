import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file named on the command line, opened for reading; a failure says why, in the system's words
/// ("cannot read x.jsonl: No such file or directory", "… Is a directory", "… Permission denied").
enum InputFile {
    /// An open handle on `path` (closed when released), or the reason it cannot be read. `name` is how the error
    /// names the file (default: its path).
    static func open(_ path: String, name: String? = nil) throws -> FileHandle {
        let name = name ?? path
        let fd = systemOpen(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CLIError.failure(L10n.t("cli.cannotRead", ["name": name, "error": FileIO.errnoText()]))
        }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CLIError.failure(L10n.t("cli.cannotRead", ["name": name, "error": FileIO.errnoText(EISDIR)]))
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// The whole file.
    static func read(_ path: String, name: String? = nil) throws -> Data {
        let h = try open(path, name: name)
        do { return try h.readToEnd() ?? Data() } catch {
            throw CLIError.failure(
                L10n.t("cli.cannotRead", ["name": name ?? path, "error": (error as NSError).localizedDescription]))
        }
    }

    private static func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
        #if canImport(Glibc)
            Glibc.open(path, flags)
        #else
            Darwin.open(path, flags)
        #endif
    }
}
