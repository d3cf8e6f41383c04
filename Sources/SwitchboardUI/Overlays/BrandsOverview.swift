import Foundation
import SwitchboardCore

/// The brands overview (`B`, `:brand`): one row per brand of brands.json — new, overdue, due in the queue today,
/// crisis. j/k move, Enter opens the brand (the workbench reopens on its data directory), Esc closes.
public struct BrandsOverview: Sendable, Equatable {
    public var rows: [BrandSummary]
    public var selected = 0

    public init(rows: [BrandSummary], current: String? = nil) {
        self.rows = rows
        if let current, let i = rows.firstIndex(where: { $0.dir == current }) { selected = i }
    }
}
