import Foundation
import SwitchboardCore
import TextSafety

/// Text from the network is hostile: these helpers strip what must never reach a terminal or a log,
/// with TextSafety's one definition of unsafe (`SafeText`).
public enum NetworkText {
    /// One line for logs and error messages: controls, escape sequences, bidi and invisible format
    /// characters removed, whitespace collapsed, cut to `max` characters.
    public static func clean(_ s: String, max: Int = 200) -> String {
        var out = ""
        var lastSpace = false
        var count = 0
        for u in SafeText.clean(s, newlines: .space, nelBreaksLines: false).unicodeScalars {
            let space = u.properties.isWhitespace
            if space {
                if lastSpace || out.isEmpty { continue }
                out.append(" ")
                lastSpace = true
            } else { out.unicodeScalars.append(u); lastSpace = false }
            count += 1
            if count >= max { out += "…"; break }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// Post text kept with its line feeds and tabs (CRLF becomes a line feed); everything else unsafe removed.
    public static func content(_ s: String) -> String {
        SafeText.clean(s, newlines: .lineFeedOnly, tabs: .keep)
    }

    /// An identifier from the network (a status URI, an AT URI, a CID, a reply id) made safe for the
    /// terminal and the logs: unsafe characters removed, line breaks and tabs made spaces, nothing else
    /// changed (no trimming, no length cut), so a real identifier comes back as it was.
    public static func identifier(_ s: String) -> String { ImportFormat.clean(s, newlines: false) }

    /// True when `s` holds anything `content` would remove.
    static func needsCleaning(_ s: String) -> Bool {
        !SafeText.isClean(s, newlines: .lineFeedOnly, tabs: .keep)
    }
}
