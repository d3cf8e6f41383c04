import Foundation
import SwitchboardCore

/// Opens the workbench (or, until it exists, prints a summary of the data directory).
func runWorkbench(global: GlobalOptions, demo: Bool, theme: String?) async throws {
    let store = try global.openStore()
    print("\(store.count) mentions in \(store.dir.displayPath)")
}
