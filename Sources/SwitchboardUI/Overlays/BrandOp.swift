import Foundation

/// What the brands effect does: read every brand's counts, or resolve a brand to open by its name.
public enum BrandOp: Sendable, Equatable {
    case overview(now: Date)
    case open(String)
}
