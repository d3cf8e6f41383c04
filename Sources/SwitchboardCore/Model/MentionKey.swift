import Foundation

/// Stable short keys: 10 characters of Crockford base32 over a 64-bit FNV-1a hash of platform and id.
public enum MentionKey {
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)

    public static func make(platform: String, id: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in platform.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        h = (h ^ 0x1F) &* 0x100000001b3
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        var out = [UInt8]()
        out.reserveCapacity(10)
        for _ in 0..<10 { out.append(alphabet[Int(h & 31)]); h >>= 5 }
        return String(decoding: out, as: UTF8.self)
    }
}
