/// The escape sequences terminals send for keys (xterm, tmux/screen, rxvt, the Linux console, vt100),
/// as data. `KeyDecoder` looks sequences up here; the tests walk the same tables.
public enum KeyTables {
    /// CSI sequences ending in a letter (`ESC [ A`, also with modifiers `ESC [ 1 ; 5 A`, which decode to
    /// the same key: the workbench binds no modified arrows) and the SS3 forms (`ESC O A`).
    public static let csiFinal: [UInt8: Key] = [
        UInt8(ascii: "A"): .up, UInt8(ascii: "B"): .down, UInt8(ascii: "C"): .right, UInt8(ascii: "D"): .left,
        UInt8(ascii: "H"): .home, UInt8(ascii: "F"): .end, UInt8(ascii: "Z"): .backTab,
        UInt8(ascii: "P"): .function(1), UInt8(ascii: "Q"): .function(2), UInt8(ascii: "R"): .function(3),
        UInt8(ascii: "S"): .function(4),
    ]

    /// SS3 (`ESC O x`): application-mode cursor keys, vt100 PF1–PF4, keypad Enter.
    public static let ss3: [UInt8: Key] = {
        var t = csiFinal
        t[UInt8(ascii: "M")] = .enter
        t[UInt8(ascii: "Z")] = nil
        return t
    }()

    /// `ESC [ n ~` (vt220 style, xterm, tmux, rxvt, Linux console).
    public static let tilde: [Int: Key] = [
        1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12), 25: .function(13), 26: .function(14), 28: .function(15),
        29: .function(16), 31: .function(17), 32: .function(18), 33: .function(19), 34: .function(20),
    ]

    /// Linux console F1–F5: `ESC [ [ A` … `ESC [ [ E`.
    public static let linuxFunction: [UInt8: Key] = [
        UInt8(ascii: "A"): .function(1), UInt8(ascii: "B"): .function(2), UInt8(ascii: "C"): .function(3),
        UInt8(ascii: "D"): .function(4), UInt8(ascii: "E"): .function(5),
    ]

    /// Single control bytes.
    public static func control(_ b: UInt8) -> Key? {
        switch b {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        case 0x00: return .ctrl("@")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(b + 0x60)))
        case 0x1C: return .ctrl("\\")
        case 0x1D: return .ctrl("]")
        case 0x1E: return .ctrl("^")
        case 0x1F: return .ctrl("_")
        default: return nil
        }
    }

    /// Bracketed paste markers.
    public static let pasteStart: [UInt8] = Array("\u{1B}[200~".utf8)
    public static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)
}
