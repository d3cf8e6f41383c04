import Foundation
import SwitchboardCore

/// A one-line progress bar on standard error ("reanalyze [#######-------]  45%  450/1000"), redrawn in place
/// at most once per percent; silent when disabled (standard error not a terminal and no `--progress`).
struct ProgressBar {
    let label: String, total: Int, enabled: Bool
    private var shownPercent = -1
    static let width = 30

    init(label: String, total: Int, enabled: Bool) {
        (self.label, self.total, self.enabled) = (label, total, enabled && total > 0)
    }

    /// The bar for `done` of `total` items (without the leading carriage return).
    static func line(label: String, done: Int, total: Int) -> String {
        let fraction = total > 0 ? Double(min(done, total)) / Double(total) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let percent = Int((fraction * 100).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let pct = String(repeating: " ", count: 3 - String(percent).count) + "\(percent)%"
        return "\(label) [\(bar)] \(pct)  \(done)/\(total)"
    }

    mutating func update(_ done: Int) {
        guard enabled else { return }
        let percent = total > 0 ? done * 100 / total : 100
        guard percent != shownPercent else { return }
        shownPercent = percent
        FileHandle.standardError.write(Data(("\r" + ProgressBar.line(label: label, done: done, total: total)).utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
