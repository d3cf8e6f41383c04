import Foundation
import SwitchboardCore

extension NetworkText {
    /// An identifier from the network (a status URI, an AT URI, a CID, a reply id) made safe for the
    /// terminal and the logs: controls, escape sequences and bidi controls removed, nothing else changed
    /// (no trimming, no length cut), so a real identifier comes back as it was.
    public static func identifier(_ s: String) -> String { ImportFormat.clean(s, newlines: false) }
}
