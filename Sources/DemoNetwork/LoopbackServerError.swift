import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why the loopback server could not start, with the system's reason.
public struct LoopbackServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ what: String, _ code: Int32) { description = what + ": " + String(cString: strerror(code)) }
}
