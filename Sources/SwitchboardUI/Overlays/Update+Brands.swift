import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// `:brand` (`B`): the overview; `:brand NAME` opens that brand.
    static func brandCommand(_ s: inout AppState, _ arg: String) -> [Effect] {
        let name = arg.trimmingCharacters(in: .whitespaces)
        return [.brands(name.isEmpty ? .overview(now: s.chrome.now) : .open(name))]
    }

    static func brandsLoaded(_ s: inout AppState, _ rows: [BrandSummary]) {
        s.modal = .brands(BrandsOverview(rows: rows, current: s.settings.dataPath))
    }

    /// The brand to open was found: the workbench closes and reopens on its data directory (not with an unsaved
    /// draft: that is said, and nothing changes).
    static func brandChosen(_ s: inout AppState, _ brand: BrandList.Brand) {
        if s.hasUnsavedDraft {
            say(&s, L10n.t("brands.saveFirst", ["brand": brand.name]), error: true)
            return
        }
        if case .brands = s.modal { s.modal = nil }
        s.chrome.nextBrand = brand
        s.chrome.quit = true
    }

    /// j/k move, Enter opens the brand, Esc or q closes.
    static func brandsKey(_ s: inout AppState, _ o: BrandsOverview, _ k: Key) -> [Effect] {
        var o = o
        let n = max(1, o.rows.count)
        switch k {
        case .escape, .ctrl("c"), .char("q"), .char("B"):
            s.modal = nil
            return []
        case .down, .char("j"), .ctrl("n"), .tab: o.selected = (o.selected + 1) % n
        case .up, .char("k"), .ctrl("p"): o.selected = (o.selected + n - 1) % n
        case .enter:
            guard o.rows.indices.contains(o.selected) else { return [] }
            let row = o.rows[o.selected]
            if let p = row.problem {
                say(&s, "\(row.name): \(p)", error: true)
                return []
            }
            return [.brands(.open(row.name))]
        default: break
        }
        s.modal = .brands(o)
        return []
    }
}
