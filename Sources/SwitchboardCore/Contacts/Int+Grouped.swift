import Foundation

extension Int {
    /// `248900` → `248,900`.
    public var grouped: String {
        let s = String(abs(self))
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (self < 0 ? "-" : "") + out
    }
}
