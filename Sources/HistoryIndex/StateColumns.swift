import Foundation
import SwitchboardCore

/// The columns of a mention's team state.
struct StateColumns {
    var status: Int
    /// Lower-case tags between unit separators (`\u{1F}billing\u{1F}urgent\u{1F}`), so `tag:` is one `instr`.
    var tags: String

    init(_ st: MentionState) {
        status = StateColumns.statusCode(st.status)
        tags = st.tags.isEmpty ? "" : "\u{1F}" + st.tags.map { $0.lowercased() }.joined(separator: "\u{1F}") + "\u{1F}"
    }

    static func statusCode(_ s: MentionStatus) -> Int { MentionStatus.allCases.firstIndex(of: s) ?? 0 }
}
