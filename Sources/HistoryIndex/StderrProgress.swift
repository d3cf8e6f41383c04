import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A rebuild's progress on standard error: on a terminal one line redrawn in place (`[#####-----] 48%`), elsewhere
/// (a pipe, a log file) only the first and the closing line.
public final class StderrProgress: IndexProgress {
    let tty: Bool, closingLine: Bool
    var lastPercent = -1
    var title = ""

    /// `closingLine: false` when the caller says how it went itself (`reindex` prints its own summary).
    public init(tty: Bool = isatty(2) == 1, closingLine: Bool = true) {
        (self.tty, self.closingLine) = (tty, closingLine)
    }

    public func started(_ what: String) {
        // A later stage (the passes after the logs are read, the copy into place) ends the line of the one before.
        let after = tty && !title.isEmpty ? "\r\u{1B}[K" : ""
        title = "switchboard: " + what
        lastPercent = -1
        write(tty ? after + title + " …" : title + " …\n")
    }

    public func advanced(done: Int, total: Int) {
        guard tty, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        if percent == lastPercent { return }
        lastPercent = percent
        let filled = percent / 5
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled)
        write("\r\u{1B}[K\(title) [\(bar)] \(percent)%")
    }

    public func finished(_ summary: String) {
        write((tty ? "\r\u{1B}[K" : "") + (closingLine ? "switchboard: " + summary + "\n" : ""))
    }

    func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
