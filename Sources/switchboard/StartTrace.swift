import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where the workbench's start-up spends its time, behind `SWITCHBOARD_TRACE_START=FILE`: each `mark` appends a line
/// with the wall-clock milliseconds since the process started (the kernel's start time, so the dynamic loader and
/// Swift's runtime set-up before `main` are counted) and the CPU milliseconds used so far. Off, it costs one
/// environment look-up.
enum StartTrace {
    nonisolated(unsafe) private static let file: UnsafeMutablePointer<FILE>? = {
        guard let path = ProcessInfo.processInfo.environment["SWITCHBOARD_TRACE_START"], !path.isEmpty else {
            return nil
        }
        return fopen(path, "a")
    }()

    /// The process's start, in seconds since boot (field 22 of `/proc/self/stat`, in clock ticks).
    private static let startedAt: Double = {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // Field 22 overall is the 20th after the command's closing parenthesis (state is field 3).
        guard fields.count > 19, let ticks = Double(fields[19]) else { return 0 }
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }()

    static func mark(_ what: String) {
        guard let file else { return }
        var ts = timespec()
        clock_gettime(CLOCK_BOOTTIME, &ts)
        let now = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
        fputs(String(format: "%8.1f ms  cpu %7.1f ms  ", (now - startedAt) * 1000, cpu) + what + "\n", file)
        fflush(file)
    }
}
