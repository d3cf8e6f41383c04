extension SafeText {
    /// `s` without anything unsafe: escape sequences go whole, unsafe scalars go, line breaks and tabs
    /// follow `newlines` and `tabs`. NEL (U+0085) is a line break, or with `nelBreaksLines: false` a C1 control
    /// removed without a trace. Text with nothing to remove is returned as is, without copying.
    public static func clean(
        _ s: String, newlines: Newlines = .space, tabs: Tabs = .space,
        nelBreaksLines: Bool = true
    ) -> String {
        if isClean(s, newlines: newlines, tabs: tabs) { return s }
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        let n = scalars.count
        var i = 0
        var previous: Unicode.Scalar = " "
        @inline(__always) func append(_ u: Unicode.Scalar) {
            out.append(u)
            previous = u
        }
        @inline(__always) func lineBreak(lineFeed: Bool) {
            switch newlines {
            case .space: append(" ")
            case .keep: append("\n")
            case .lineFeedOnly: if lineFeed { append("\n") }
            }
        }
        while i < n {
            let u = scalars[i]
            switch u.value {
            case 0x09:
                append(tabs == .keep ? "\t" : " ")
                i += 1
            case 0x0A:
                lineBreak(lineFeed: true)
                i += 1
            case 0x0B, 0x0C, 0x2028, 0x2029:
                lineBreak(lineFeed: false)
                i += 1
            case 0x85:
                if nelBreaksLines { lineBreak(lineFeed: false) }
                i += 1
            case 0x0D:
                let crlf = i + 1 < n && scalars[i + 1].value == 0x0A
                lineBreak(lineFeed: crlf)
                i += crlf ? 2 : 1
            case 0x1B, 0x9B, 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                i = EscapeSequence.end(in: scalars, at: i)
            default:
                if !isUnsafe(u, after: previous) { append(u) }
                i += 1
            }
        }
        return String(out)
    }
}
