/// JSON's one-character escapes (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`): the byte each stands for.
enum JSONEscape {
    @inline(__always)
    static func simple(_ e: UInt8) -> UInt8? {
        switch e {
        case 0x22, 0x5C, 0x2F: return e
        case 0x62: return 0x08
        case 0x66: return 0x0C
        case 0x6E: return 0x0A
        case 0x72: return 0x0D
        case 0x74: return 0x09
        default: return nil
        }
    }
}
