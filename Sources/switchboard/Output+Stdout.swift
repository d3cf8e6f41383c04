import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output, checked. Every byte a command prints goes through `Output.write` (the `print` below included):
/// one C stdio stream on file descriptor 1, buffered, whose every write is checked. A failed write ends the program at
/// once with "switchboard: write error: …" on standard error and exit status 1; a reader that went away (EPIPE, when
/// SIGPIPE is ignored, as systemd and Python's subprocess do) ends it quietly the conventional way, by SIGPIPE
/// (status 141 in a shell). `main` calls `finish()` before it exits, so an error met when the buffer is flushed at the
/// end (text mode, short output) is caught too.
extension Output {
    /// Our own stream on fd 1 (C's `stdout` is not reachable from Swift 6 code); nil when fd 1 is closed.
    nonisolated(unsafe) private static let stream: UnsafeMutablePointer<FILE>? = fdopen(STDOUT_FILENO, "w")

    static func write(_ s: String) {
        var s = s
        s.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    static func write(_ d: Data) { d.withUnsafeBytes { write($0) } }

    /// One line (where a type's own `print` hides the module's).
    static func line(_ s: String = "") { write(s + "\n") }

    private static func write(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        guard let stream else { writeFailed(EBADF) }
        if fwrite(base, 1, bytes.count, stream) < bytes.count { writeFailed(errno) }
    }

    /// Writes out what is buffered (before reading an answer from the terminal, say).
    static func flush() {
        guard let stream else { return }
        if fflush(stream) != 0 { writeFailed(errno) }
    }

    /// Flushes and checks the stream once more: what `main` does last.
    static func finish() {
        flush()
        if let stream, ferror(stream) != 0 { writeFailed(EIO) }
    }

    /// Ends the program after a failed write to standard output.
    static func writeFailed(_ code: Int32) -> Never {
        if code == EPIPE {
            // The reader is gone: end the way a program that does not ignore SIGPIPE ends, without a message.
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            _exit(128 + SIGPIPE)
        }
        err("switchboard: write error: \(String(cString: strerror(code)))")
        exit(1)
    }

    /// Standard error, unbuffered; a failure to write there is ignored (there is nowhere left to say it).
    static func writeStderr(_ s: String) {
        var s = s
        s.withUTF8 { b in
            guard let base = b.baseAddress else { return }
            var done = 0
            while done < b.count {
                let n = systemWrite(STDERR_FILENO, base + done, b.count - done)
                if n > 0 {
                    done += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else { return }
            }
        }
    }

    private static func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(fd, p, n)
        #else
            Darwin.write(fd, p, n)
        #endif
    }
}

/// `print` in this module writes through `Output.write` (it shadows `Swift.print`), so no output escapes the check.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Output.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
