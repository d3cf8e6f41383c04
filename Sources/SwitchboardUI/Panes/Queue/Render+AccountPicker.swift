import Foundation
import ScreenKit
import SwitchboardCore

extension Renderer {
    /// The accounts picker: one row per account that can publish, ticked or not.
    mutating func drawAccountPicker(_ p: AccountPicker) {
        let title: String
        switch p.op {
        case .curate: title = L10n.t("accounts.curate")
        case .check(_, .now, _), .add(_, .now, _): title = L10n.t("accounts.now")
        default: title = L10n.t("accounts.queue")
        }
        guard let inner = overlay(title: title, lines: p.choices.count + 2, width: 64) else { return }
        for (i, c) in p.choices.enumerated() {
            let y = inner.y + i
            guard y < inner.maxY else { break }
            let role: StyleRole = i == p.selected ? .selected : .overlay
            buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            let line =
                " \(c.chosen ? "[x]" : "[ ]") \(i + 1)  \(sanitizeForScreen(c.id))  \(sanitizeForScreen(c.label))"
            buf.put(line, x: inner.x, y: y, role: role, clip: inner)
        }
        let help = L10n.t("accounts.help")
        if inner.y + p.choices.count + 1 < inner.maxY {
            buf.put(help, x: inner.x + 1, y: inner.y + p.choices.count + 1, role: .dim, clip: inner)
        }
    }
}
