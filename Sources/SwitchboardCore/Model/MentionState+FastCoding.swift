import Foundation

extension MentionState {
    /// The status and the first response of a state as `JSONEncoder` (default strategies) writes it — what a report
    /// reads of a mention's state — with the fast scanner, the other fields skipped and left empty; nil when anything
    /// is unexpected (the caller then uses `JSONDecoder`).
    public static func fastDecodeTriage(_ bytes: UnsafeBufferPointer<UInt8>) -> MentionState? {
        var s = JSONScanner(bytes)
        var st = MentionState()
        var seen: UInt64 = 0
        do {
            guard s.peek() == UInt8(ascii: "{") else { return nil }
            try s.object { s, k in
                if keyIs(k, "status") {
                    try JSONScanner.once(&seen, 0)
                    guard let v = MentionStatus(rawValue: try s.string()) else { throw JSONScanner.Failure() }
                    st.status = v
                } else if keyIs(k, "first_response_at") {
                    try JSONScanner.once(&seen, 1)
                    if s.peek() == 110 {
                        try s.literal("null")
                    } else {
                        st.firstResponseAt = Date(timeIntervalSinceReferenceDate: try s.number())
                    }
                } else {
                    _ = try s.value()
                }
            }
            try s.end()
        } catch { return nil }
        return seen & 1 != 0 ? st : nil
    }
}
