import Foundation

/// HMAC-SHA256 (RFC 2104) over `SHA256`: the signature of outgoing webhooks.
public enum HMAC {
    public static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var k = key.count > 64 ? SHA256.hash(key) : key
        k += [UInt8](repeating: 0, count: 64 - k.count)
        let inner = SHA256.hash(k.map { $0 ^ 0x36 } + message)
        return SHA256.hash(k.map { $0 ^ 0x5c } + inner)
    }

    /// The lower-case hex of `sha256(key:message:)`.
    public static func sha256Hex(key: String, message: Data) -> String {
        sha256(key: Array(key.utf8), message: Array(message)).map { String(format: "%02x", $0) }.joined()
    }
}
