/// One terminal cell: a grapheme (or "" for the right half of a wide character) and its role.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var role: StyleRole
    public init(_ text: String = " ", role: StyleRole = .normal) { self.text = text; self.role = role }
    /// The right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
    public static let blank = Cell()
}

/// An in-memory screen that panes draw into; the terminal presents it, tests read it as rows of text.
public struct ScreenBuffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Writes `text` at (x, y) clipped to `clip` (default: the whole screen), never splitting a wide
    /// character. Returns the x after the last written cell.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, clip: Rect? = nil) -> Int {
        let c = clip ?? Rect(x: 0, y: 0, width: size.width, height: size.height)
        guard y >= c.y, y < c.maxY, y >= 0, y < size.height else { return x }
        var cx = x
        let limit = min(c.maxX, size.width)
        for ch in text {
            let w = TextWidth.width(ch)
            if w == 0 {
                // Combining mark: attach to the previous cell.
                if cx - 1 >= max(c.x, 0), cx - 1 < limit { self[cx - 1, y].text += String(ch) }
                continue
            }
            if cx + w > limit { break }
            if cx >= c.x && cx >= 0 {
                self[cx, y] = Cell(String(ch), role: role)
                if w == 2 { self[cx + 1, y] = Cell("", role: role) }
            }
            cx += w
        }
        return cx
    }

    /// Fills a rectangle with one character and role.
    public mutating func fill(_ r: Rect, with text: String = " ", role: StyleRole = .normal) {
        for y in max(0, r.y)..<min(size.height, r.maxY) {
            for x in max(0, r.x)..<min(size.width, r.maxX) { self[x, y] = Cell(text, role: role) }
        }
    }

    /// Sets the role of every cell in a rectangle, keeping the text (selection highlight).
    public mutating func setRole(_ r: Rect, _ role: StyleRole) {
        for y in max(0, r.y)..<min(size.height, r.maxY) {
            for x in max(0, r.x)..<min(size.width, r.maxX) { self[x, y].role = role }
        }
    }

    /// Row `y` as text (wide characters once, trailing spaces kept).
    public func row(_ y: Int) -> String {
        var s = ""
        for x in 0..<size.width { s += self[x, y].text }
        return s
    }

    /// Every row as text: what whole-screen tests compare.
    public var lines: [String] { (0..<size.height).map(row) }
}
