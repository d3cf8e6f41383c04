import Foundation

extension JSONValue {
    /// A JSON string literal written by hand: quotes, backslashes, newlines, tabs and returns escaped, other control
    /// characters (and DEL) as `\u00XX`, everything else as it is.
    public static func literal(_ s: String) -> String {
        var o = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": o += "\\\""
            case "\\": o += "\\\\"
            case "\n": o += "\\n"
            case "\t": o += "\\t"
            case "\r": o += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    o += String(format: "\\u%04x", u.value)
                } else { o.unicodeScalars.append(u) }
            }
        }
        return o + "\""
    }
}
