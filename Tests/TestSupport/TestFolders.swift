import Foundation

/// Folders the tests make under the temporary directory, removed when the test process exits — a run used to leave
/// some 700 data directories in /tmp, and a developer's machine gathered thousands.
public enum TestFolders {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: [URL] = []
    nonisolated(unsafe) private static var registered = false

    /// A new, empty folder `/tmp/PREFIX-XXXXXXXX`, removed at exit. `SWITCHBOARD_KEEP_TEST_DIRS=1` keeps them.
    public static func make(_ prefix: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(prefix)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        remember(url)
        return url
    }

    /// Removes `url` (a folder the caller made) when the test process exits.
    public static func remember(_ url: URL) {
        lock.withLock {
            made.append(url)
            if !registered {
                registered = true
                atexit { TestFolders.removeAll() }
            }
        }
    }

    private static func removeAll() {
        guard ProcessInfo.processInfo.environment["SWITCHBOARD_KEEP_TEST_DIRS"] != "1" else { return }
        let all = lock.withLock { made }
        for url in all { try? FileManager.default.removeItem(at: url) }
    }
}
