/// One terminal cell: a grapheme (or "" for the right half of a wide character) and its role.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var role: StyleRole
    public init(_ text: String = " ", role: StyleRole = .normal) { (self.text, self.role) = (text, role) }
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

    /// Builds a buffer from rows of text (role `.normal`), padded or clipped to `width`: handy in tests.
    public init(lines: [String], width: Int? = nil) {
        let w = width ?? lines.map { TextWidth.width($0) }.max() ?? 0
        self.init(size: Size(width: w, height: lines.count))
        for (y, line) in lines.enumerated() { put(line, x: 0, y: y) }
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Writes `text` at (x, y) clipped to `clip` (default: the whole screen), never splitting a wide
    /// character: one that does not fit at either edge is left out. Control and invisible format
    /// characters are dropped (defence in depth: text should go through `Sanitizer` first).
    /// Writing over half of an existing wide character blanks its other half.
    /// Returns the x after the last written cell.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, clip: Rect? = nil) -> Int {
        guard y >= 0, y < size.height else { return x }
        let left: Int
        let limit: Int
        if let c = clip {
            guard y >= c.y, y < c.maxY else { return x }
            left = max(c.x, 0)
            limit = min(c.maxX, size.width)
        } else { left = 0; limit = size.width }
        let rowStart = y * size.width
        var cx = x
        if let end = putASCII(text, x: x, rowStart: rowStart, left: left, limit: limit, role: role) { return end }
        var lastWritten = -1
        for ch in text {
            let w: Int
            if let a = ch.asciiValue {
                guard a >= 0x20 && a != 0x7F else { continue }
                w = 1
            } else {
                if Self.isUnsafe(ch) { continue }
                w = TextWidth.width(ch)
            }
            if w == 0 {
                // Combining mark: attach to the cell just written (never to someone else's cell).
                if lastWritten >= 0 { cells[rowStart + lastWritten].text.append(ch) }
                continue
            }
            if cx + w > limit { break }
            if cx >= left {
                breakWide(at: cx, row: rowStart)
                if w == 2 { breakWide(at: cx + 1, row: rowStart) }
                cells[rowStart + cx] = Cell(String(ch), role: role)
                if w == 2 { cells[rowStart + cx + 1] = Cell("", role: role) }
                lastWritten = cx
            } else { lastWritten = -1 }
            cx += w
        }
        return cx
    }

    /// The fast path for ASCII text (one cell per printable byte); nil when `text` is not ASCII.
    @inline(__always)
    private mutating func putASCII(_ text: String, x: Int, rowStart: Int, left: Int, limit: Int, role: StyleRole)
        -> Int?
    {
        let result: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            for b in bytes where b >= 0x80 { return nil }
            var cx = x
            for b in bytes {
                guard b >= 0x20 && b != 0x7F else { continue }
                if cx >= limit { break }
                if cx >= left {
                    breakWide(at: cx, row: rowStart)
                    cells[rowStart + cx] = Cell(Self.asciiStrings[Int(b)], role: role)
                }
                cx += 1
            }
            return cx
        }
        return result ?? nil
    }

    /// One-character strings for every ASCII byte.
    private static let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Before cell `x` of a row is overwritten: blank the other half of a wide character it belongs to.
    @inline(__always)
    private mutating func breakWide(at x: Int, row: Int) {
        let i = row + x
        if cells[i].text.isEmpty {
            if x > 0, TextWidth.width(cells[i - 1].text) == 2 { cells[i - 1].text = " " }
        } else if x + 1 < size.width, cells[i + 1].text.isEmpty, cells[i].text.utf8.count > 1 {
            cells[i + 1].text = " "
        }
    }

    @inline(__always)
    static func isUnsafe(_ ch: Character) -> Bool {
        var previous: Unicode.Scalar = " "
        for u in ch.unicodeScalars {
            if Sanitizer.isUnsafe(u, after: previous) { return true }
            previous = u
        }
        return false
    }

    /// Fills a rectangle with one character and role.
    public mutating func fill(_ r: Rect, with text: String = " ", role: StyleRole = .normal) {
        let x0 = max(0, r.x)
        let x1 = min(size.width, r.maxX)
        guard x0 < x1 else { return }
        let cell = Cell(text, role: role)
        for y in max(0, r.y)..<min(size.height, r.maxY) {
            let row = y * size.width
            breakWide(at: x0, row: row)
            if x1 - 1 > x0 { breakWide(at: x1 - 1, row: row) }
            for x in x0..<x1 { cells[row + x] = cell }
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
