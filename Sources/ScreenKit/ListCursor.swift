/// A motion over a list: what the movement keys (j, k, g, G, paging) ask for.
public enum ListMotion: Sendable, Equatable, CaseIterable {
    case down, up, top, bottom, pageDown, pageUp, halfDown, halfUp
}

/// A position in a list (a selection or a scroll offset) with the list's geometry: how many rows there are and how
/// far a page and half a page go. Every list of the workbench moves through it, each with its own page size.
public struct ListCursor: Sendable, Equatable {
    public var index: Int
    /// Rows in the list; `bottom` goes to the last of them.
    public var count: Int
    /// Rows a page and half a page move.
    public var page: Int
    public var half: Int
    /// Clamped to the last row (else only to the first: a scroll offset the renderer clamps).
    public var bounded: Bool

    public init(_ index: Int, count: Int, page: Int, half: Int? = nil, bounded: Bool = true) {
        (self.index, self.count, self.page) = (index, count, page)
        self.half = half ?? max(1, page / 2)
        self.bounded = bounded
    }

    /// Where `motion` leads before clamping.
    public func target(_ motion: ListMotion) -> Int {
        switch motion {
        case .down: return index + 1
        case .up: return index - 1
        case .top: return 0
        case .bottom: return count - 1
        case .pageDown: return index + page
        case .pageUp: return index - page
        case .halfDown: return index + half
        case .halfUp: return index - half
        }
    }

    /// `index` clamped to the list (never below the first row).
    public func clamped(_ index: Int) -> Int {
        bounded ? max(0, min(count - 1, index)) : max(0, index)
    }

    /// Where `motion` leads, clamped.
    public func moved(_ motion: ListMotion) -> Int { clamped(target(motion)) }

    /// Moves the cursor by `motion`.
    public mutating func move(_ motion: ListMotion) { index = moved(motion) }
}
