import Foundation
import SwitchboardCore

extension EffectRunner {
    /// The overview reads every brand's directory (read-only) off the main loop; opening resolves the name.
    func performBrands(_ op: BrandOp) -> [Message] {
        let file = brandsFile
        let list: BrandList
        do { list = try BrandList.load(from: file) } catch { return [.failed("\(error)")] }
        guard !list.brands.isEmpty else {
            let example = "{\"brands\": [{\"name\": …, \"dir\": …}]}"
            return [.failed(L10n.t("brands.none", ["path": file.path, "example": example]))]
        }
        switch op {
        case .open(let name):
            guard let b = list.brand(name) else {
                let known = list.brands.map(\.name).joined(separator: ", ")
                return [.failed(L10n.t("brands.unknown", ["name": name, "known": known]))]
            }
            let dir = DataDirectory(root: URL(fileURLWithPath: DataDirectory.expandPath(b.dir)))
            guard dir.exists else {
                return [.failed(L10n.t("brands.noDirectory", ["brand": b.name, "path": dir.root.path]))]
            }
            return [.brandChosen(BrandList.Brand(name: b.name, dir: dir.root.path))]
        case .overview(let now):
            let summary = brandSummary
            background.startThread {
                [
                    .brandsLoaded(
                        BrandSummary.rows(list.brands) { b in
                            summary(b, DataDirectory(root: URL(fileURLWithPath: DataDirectory.expandPath(b.dir))), now)
                        })
                ]
            }
            return []
        }
    }
}
