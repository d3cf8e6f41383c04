import Foundation

extension Bench {
    /// Runs an async section from the synchronous `main`: prints `== name`, waits for `body`, prints its error.
    static func runAsync(_ name: String, _ body: @escaping @Sendable () async throws -> Void) {
        print("== \(name)")
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { try await body() } catch { print("\(name) bench failed: \(error)") }
            done.signal()
        }
        done.wait()
    }
}
