import ScreenKit

/// Where each character of the draft goes in the composer: word wrap (a line breaks after the last space that
/// fits; a word longer than the line breaks where the line ends), explicit newlines, and the cursor's cell.
struct ComposerLayout {
    /// Row and column (cells) of every character, in order; a space that ends a full line hangs past its end.
    private(set) var cells: [(row: Int, x: Int)] = []
    /// Row and column of the cursor.
    private(set) var cursor = (row: 0, x: 0)
    /// How many rows the text takes (the cursor's row included).
    var rowCount: Int { max(cursor.row, cells.last?.row ?? 0) + 1 }

    init(_ chars: [Character], cursor index: Int, width: Int) {
        let width = max(1, width)
        cells.reserveCapacity(chars.count)
        var row = 0
        var x = 0
        var rowStart = 0
        // The index of the first character after the last space on this row (where a break can go).
        var breakAt: Int?
        for (i, c) in chars.enumerated() {
            if c == "\n" {
                cells.append((row, x))
                row += 1
                x = 0
                rowStart = i + 1
                breakAt = nil
                continue
            }
            let cw = TextWidth.width(c)
            if c == " " {
                cells.append((row, x))
                if x + cw > width {
                    // Hangs at the end of a full line; the next line starts after it.
                    row += 1
                    x = 0
                    rowStart = i + 1
                    breakAt = nil
                } else { x += cw; breakAt = i + 1 }
                continue
            }
            if x + cw > width {
                row += 1
                x = 0
                if let b = breakAt, b > rowStart {
                    // The word so far moves down to the new line.
                    for j in b..<i { cells[j] = (row, x); x += TextWidth.width(chars[j]) }
                    rowStart = b
                    if x + cw > width { row += 1; x = 0; rowStart = i }
                } else { rowStart = i }
                breakAt = nil
            }
            cells.append((row, x))
            x += cw
        }
        if index < cells.count {
            cursor = (cells[index].row, min(cells[index].x, width - 1))
        } else if x >= width {
            cursor = (row + 1, 0)
        } else { cursor = (row, x) }
    }
}
