/// A vertical shift of whole rows between two frames: rows `top...bottom` of the old frame moved up by
/// `lines` (down when negative), the rows that scrolled in being new. A terminal can do that with its
/// scroll region (DECSTBM and a line feed) in a few bytes, and then sends only the cells that still differ.
///
/// Terminals scroll whole rows, so beside a pane that scrolled (the feed) the other panes move too and must
/// be repaired: `detect` weighs that, and proposes a shift only when what is left to draw is far less. It weighs
/// rows by the bytes they take to draw (cells, cursor moves, colour changes), not by their cells alone: a row
/// whose few changed cells are in many colours (a feed row) costs more than a hint in one colour.
public struct ScrollHint: Hashable, Sendable {
    public var top: Int
    public var bottom: Int
    /// Positive: the content moved up (the list scrolled down, `j` at the bottom); negative: down.
    public var lines: Int

    public init(top: Int, bottom: Int, lines: Int) { (self.top, self.bottom, self.lines) = (top, bottom, lines) }

    /// What a scroll costs beyond what it leaves to draw, in bytes (scroll region, cursor move, line feed,
    /// the region reset): a shift must save more than this.
    public static let overheadCells = 24

    /// The shift that leaves the least to draw when going from `old` to `new`, if it saves more than
    /// `overheadCells` bytes and at least a row's width; nil when the frames differ little (less than a row's
    /// cells) or not by a shift. Considers shifts up to half the height, in both directions.
    public static func detect(old: ScreenBuffer, new: ScreenBuffer) -> ScrollHint? {
        guard old.size == new.size, new.size.height >= 3 else { return nil }
        let h = new.size.height
        let w = new.size.width
        // Cells that differ in each row without a shift.
        var plain = [Int](repeating: 0, count: h)
        var total = 0
        new.cells.withUnsafeBufferPointer { n in
            old.cells.withUnsafeBufferPointer { o in
                for y in 0..<h { plain[y] = differing(n, y, o, y, w) }
            }
        }
        for d in plain { total += d }
        // A frame that changes less than a row (the selection moving) is never worth a scroll.
        guard total > w else { return nil }
        // What each row costs to draw (about, in bytes) without a shift, and scrolled in (over a blank row).
        var plainCost = [Int](repeating: 0, count: h)
        var fresh = [Int](repeating: 0, count: h)
        new.cells.withUnsafeBufferPointer { n in
            old.cells.withUnsafeBufferPointer { o in
                for y in 0..<h {
                    plainCost[y] = plain[y] == 0 ? 0 : cost(n, y, o, y, w)
                    fresh[y] = cost(n, y, nil, 0, w)
                }
            }
        }
        var best: (saved: Int, hint: ScrollHint)?
        for (shift, up) in candidates(old: old, new: new) {
            if let found = bestRegion(old: old, new: new, shift: shift, up: up, plain: plainCost, fresh: fresh),
                found.saved > (best?.saved ?? 0)
            {
                best = found
            }
        }
        guard let best, best.saved > overheadCells, best.saved >= w else { return nil }
        return best.hint
    }

    /// The shifts worth weighing in full: the three that make the most cells equal on every fifth column
    /// (a frame at 120×40 is weighed in well under a millisecond).
    static func candidates(old: ScreenBuffer, new: ScreenBuffer) -> [(Int, Bool)] {
        let h = new.size.height
        let w = new.size.width
        var scored: [(score: Int, shift: Int, up: Bool)] = []
        new.cells.withUnsafeBufferPointer { n in
            old.cells.withUnsafeBufferPointer { o in
                for shift in 1...max(1, h / 2) {
                    for up in [true, false] {
                        var score = 0
                        for y in 0..<(h - shift) {
                            let ny = up ? y : y + shift
                            let oy = up ? y + shift : y
                            var x = 2
                            while x < w {
                                if n[ny * w + x] == o[oy * w + x] && n[ny * w + x] != o[ny * w + x] { score += 1 }
                                x += 5
                            }
                        }
                        if score > 0 { scored.append((score, shift, up)) }
                    }
                }
            }
        }
        return scored.sorted { ($0.score, -$0.shift) > ($1.score, -$1.shift) }.prefix(3).map { ($0.shift, $0.up) }
    }

    /// For one shift: the region whose scrolling saves the most bytes (a maximum-sum run of rows); `plain` and
    /// `fresh` are each row's cost drawn in place and scrolled in.
    static func bestRegion(
        old: ScreenBuffer, new: ScreenBuffer, shift: Int, up: Bool, plain: [Int], fresh: [Int]
    ) -> (saved: Int, hint: ScrollHint)? {
        let h = new.size.height
        let w = new.size.width
        guard shift < h else { return nil }
        // Walk the rows in the direction the content moved, so that "the rows after the run" are always the
        // ones that scrolled in: index i is row i (up) or row h-1-i (down).
        func row(_ i: Int) -> Int { up ? i : h - 1 - i }
        // gain[i]: bytes saved in row(i) when it shows the old row `shift` further on.
        var gain = [Int](repeating: 0, count: h - shift)
        new.cells.withUnsafeBufferPointer { n in
            old.cells.withUnsafeBufferPointer { o in
                for i in 0..<(h - shift) {
                    let y = row(i)
                    let from = up ? y + shift : y - shift
                    gain[i] = plain[y] - cost(n, y, o, from, w)
                }
            }
        }
        // The region is rows row(a)...row(b + shift): rows a...b are moved, b+1...b+shift scroll in blank.
        // Saved = sum(gain[a...b]) + sum over the fresh rows (plain - fresh). Best a for each b: the smallest
        // prefix sum before it.
        var prefix = 0
        var minPrefix = 0
        var minAt = 0
        var best: (saved: Int, hint: ScrollHint)?
        for b in 0..<(h - shift) {
            prefix += gain[b]
            var freshSaved = 0
            for i in (b + 1)...(b + shift) { freshSaved += plain[row(i)] - fresh[row(i)] }
            let saved = prefix - minPrefix + freshSaved
            // A region of at least three rows moved, like ncurses' own scrolling.
            if b + 1 - minAt >= 3, saved > (best?.saved ?? 0) {
                let first = row(minAt)
                let last = row(b + shift)
                best = (
                    saved,
                    ScrollHint(top: min(first, last), bottom: max(first, last), lines: up ? shift : -shift)
                )
            }
            if prefix < minPrefix { minPrefix = prefix; minAt = b + 1 }
        }
        return best
    }

    /// About how many bytes drawing row `y` of `n` over row `z` of `o` (a blank row when nil) writes: each cell
    /// that differs, a cursor move before a run (or the cells skipped, when fewer), a style change at each new
    /// role. Moving a highlight costs more than its cells suggest; so do short runs far apart.
    static func cost(
        _ n: UnsafeBufferPointer<Cell>, _ y: Int, _ o: UnsafeBufferPointer<Cell>?, _ z: Int, _ w: Int
    ) -> Int {
        var c = 0
        var last = -1
        var role: StyleRole?
        let a = y * w
        let b = z * w
        for x in 0..<w {
            let cell = n[a + x]
            if let o { if cell == o[b + x] { continue } } else if cell == .blank { continue }
            c += last < 0 ? 8 : min(8, x - last - 1)
            if cell.role != role {
                c += 10
                role = cell.role
            }
            c += cell.text.utf8.count
            last = x
        }
        return c
    }

    /// How many cells of row `y` of `n` differ from row `z` of `o` (both `w` wide).
    @inline(__always)
    static func differing(
        _ n: UnsafeBufferPointer<Cell>, _ y: Int, _ o: UnsafeBufferPointer<Cell>, _ z: Int, _ w: Int
    ) -> Int {
        var c = 0
        let a = y * w
        let b = z * w
        for x in 0..<w where n[a + x] != o[b + x] { c += 1 }
        return c
    }
}

extension ScreenBuffer {
    /// This frame as the terminal shows it after scrolling `hint`: the rows moved, and the rows that
    /// scrolled in filled with `filler` (a cell no frame contains, so that all of them are drawn).
    public func scrolled(_ hint: ScrollHint, filler: Cell = Cell("\u{FFFD}", role: StyleRole("\u{1}scrolled-in")))
        -> ScreenBuffer
    {
        var out = self
        let w = size.width
        let n = hint.lines
        guard hint.top >= 0, hint.bottom < size.height, hint.top <= hint.bottom, n != 0 else { return out }
        for y in hint.top...hint.bottom {
            let from = y + n
            for x in 0..<w { out[x, y] = from >= hint.top && from <= hint.bottom ? self[x, from] : filler }
        }
        return out
    }
}
