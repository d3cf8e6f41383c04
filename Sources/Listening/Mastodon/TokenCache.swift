import Foundation
import SwitchboardCore

/// Caches a secret after the first read; `reset()` after a 401 so a fixed token file is picked up.
final class TokenCache: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    private let load: @Sendable () throws -> String
    init(_ load: @escaping @Sendable () throws -> String) { self.load = load }
    func get() throws -> String {
        try lock.withLock {
            if let v = value { return v }
            let v = try load()
            value = v
            return v
        }
    }
    func reset() { lock.withLock { value = nil } }
}
