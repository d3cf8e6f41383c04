import CNCursesW
import ScreenKit

extension NCursesTerminal {
    /// Draws the cells that differ from the last presented buffer (ncurses then sends only what changed
    /// on the screen), places or hides the cursor, and updates the terminal once.
    public func present(_ buffer: ScreenBuffer, cursor: Point?) {
        guard !restored else { return }
        let win = sb_stdscr()!
        let current = size
        var full = false
        if shadow == nil || shadow!.size != buffer.size || current != lastSize {
            // First frame, a resize, or a buffer of another size: repaint everything.
            // clearok: ncurses repaints the whole screen too (after a resize or a child program such as
            // $EDITOR drew over it, its idea of the screen is stale).
            _ = werase(win)
            _ = clearok(win, true)
            full = true
            lastSize = current
        }
        if !full, canScroll, buffer.size == current, let old = shadow,
            let hint = ScrollHint.detect(old: old, new: buffer)
        {
            // The terminal scrolls the rows that moved; only what still differs is drawn below.
            scroll(hint, win: win)
            shadow = old.scrolled(hint)
        }
        let w = min(buffer.size.width, current.width)
        let h = min(buffer.size.height, current.height)
        let width = buffer.size.width
        buffer.cells.withUnsafeBufferPointer { cells in
            let old = full ? nil : shadow
            for y in 0..<h {
                let row = y * width
                var x = 0
                while x < w {
                    let cell = cells[row + x]
                    if let old, old.cells[row + x] == cell { x += 1; continue }
                    if cell.text.isEmpty {
                        // Right half of a wide character: drawn with its left half, unless orphaned.
                        if x == 0 || TextWidth.width(cells[row + x - 1].text) != 2 {
                            draw(Cell(" ", role: cell.role), x: x, y: y, room: 1, win: win)
                        } else if let old, old.cells[row + x - 1] == cells[row + x - 1] {
                            draw(cells[row + x - 1], x: x - 1, y: y, room: 2, win: win)
                        }
                        x += 1
                        continue
                    }
                    draw(cell, x: x, y: y, room: w - x, win: win)
                    x += 1
                }
            }
        }
        shadow = buffer

        if let c = cursor, c.x >= 0, c.y >= 0, c.x < current.width, c.y < current.height {
            setCursorVisibility(1)
            _ = leaveok(win, false)
            _ = wmove(win, Int32(c.y), Int32(c.x))
        } else {
            setCursorVisibility(0); _ = leaveok(win, true)
        }
        _ = wnoutrefresh(win)
        _ = doupdate()
    }

    /// Scrolls rows `hint.top...hint.bottom` on the terminal: ncurses' picture of the screen is scrolled the
    /// same way and brought to the terminal with line operations allowed (`idlok`), so ncurses sends a scroll
    /// region and a line feed (or deletes and inserts lines) instead of the rows. The caller then draws what
    /// still differs. Line operations stay off otherwise (ncurses' own guesses on other frames cost more).
    func scroll(_ hint: ScrollHint, win: UnsafeMutablePointer<WINDOW>) {
        _ = wsetscrreg(win, Int32(hint.top), Int32(hint.bottom))
        _ = scrollok(win, true)
        _ = wscrl(win, Int32(hint.lines))
        _ = scrollok(win, false)
        _ = wsetscrreg(win, 0, Int32(max(0, lastSize.height - 1)))
        _ = leaveok(win, true)
        _ = idlok(win, true)
        _ = wnoutrefresh(win)
        _ = doupdate()
        _ = idlok(win, false)
    }

    func setCursorVisibility(_ v: Int32) {
        if cursorVisible != v { _ = curs_set(v); cursorVisible = v }
    }

    /// Draws one cell's grapheme. ncurses holds one spacing character plus up to four zero-width ones per
    /// cell, so a cluster is drawn as the runs that fit its width: a flag's two regional indicators side by
    /// side, an emoji ZWJ sequence as its first emoji. ZWJ and emoji variation selectors are left out, so
    /// every terminal draws exactly the width we laid out.
    func draw(_ cell: Cell, x: Int, y: Int, room: Int, win: UnsafeMutablePointer<WINDOW>) {
        let style = styleTable[cell.role] ?? plainStyle
        let cellWidth = min(TextWidth.width(cell.text), 2)
        var offset = 0
        var run: [wchar_t] = []
        var runWidth = 0
        var drewAny = false

        func flush() {
            guard !run.isEmpty else { return }
            put(run, x: x + offset, y: y, style: style, win: win)
            offset += runWidth
            run.removeAll(keepingCapacity: true)
            runWidth = 0
            drewAny = true
        }

        if let a = cell.text.utf8.first, cell.text.utf8.count == 1 {
            put([wchar_t(a < 0x20 || a == 0x7F ? 0x20 : a)], x: x, y: y, style: style, win: win)
            return
        }
        for s in cell.text.unicodeScalars {
            let v = s.value
            if v == 0x200D || v == 0xFE0F || v == 0xFE0E { continue }
            if Sanitizer.isUnsafe(s) { continue }
            let sw = TextWidth.width(s)
            if sw > 0 {
                if offset + runWidth + sw > min(cellWidth, room) { break }
                flush()
                run.append(wchar_t(bitPattern: v))
                runWidth = sw
            } else if !run.isEmpty && run.count < 5 {
                run.append(wchar_t(bitPattern: v))
            }
        }
        flush()
        if !drewAny { put([0x20], x: x, y: y, style: style, win: win) }
    }

    func put(_ chars: [wchar_t], x: Int, y: Int, style: (attr: attr_t, pair: Int16), win: UnsafeMutablePointer<WINDOW>)
    {
        var cc = cchar_t()
        var buf = chars
        buf.append(0)
        _ = buf.withUnsafeBufferPointer { setcchar(&cc, $0.baseAddress, style.attr, style.pair, nil) }
        _ = mvwadd_wch(win, Int32(y), Int32(x), &cc)
    }

    /// Allocates a colour pair per distinct colour combination, the colours mapped to what the terminal has
    /// (`TerminalStyle.resolved`: 256 → 16 → 8, never a foreground equal to its background); attributes only
    /// on a monochrome terminal (where a style that relies on a background colour is drawn in reverse video).
    public func setStyles(_ styles: [StyleRole: TerminalStyle]) { setStyles(styles, background: .dark) }

    public func setStyles(_ styles: [StyleRole: TerminalStyle], background: TerminalBackground) {
        var pairs: [[Int]: Int16] = [:]
        var table: [StyleRole: (attr: attr_t, pair: Int16)] = [:]
        let maxPairs = Int(sb_color_pairs())
        // The terminal's own colours get a pair of their own when the theme uses colours: going from a coloured
        // cell to plain text is then a colour change (ESC[39m) instead of a full attribute reset (ESC(B ESC[m) after
        // it, which saves bytes on every row drawn. A theme without colours (mono) keeps pair 0 and its short resets.
        let coloured =
            colorCount >= 8
            && styles.values.contains { st in
                let r = st.resolved(colors: colorCount, background: background)
                return r.fg != -1 || r.bg != -1
            }
        for (role, st) in styles {
            let r = st.resolved(colors: colorCount, background: background)
            var attr = sb_a_normal()
            if r.bold { attr |= sb_a_bold() }
            if r.underline { attr |= sb_a_underline() }
            if r.reverse { attr |= sb_a_reverse() }
            if r.dim { attr |= sb_a_dim() }
            if r.italic { attr |= sb_a_italic() }
            var pair: Int16 = 0
            if colorCount >= 8 {
                let fg = r.fg < colorCount ? r.fg : r.fg % 8
                let bg = r.bg < colorCount ? r.bg : r.bg % 8
                let key = [fg, bg]
                if fg == -1 && bg == -1 && !coloured {
                    pair = 0
                } else if let p = pairs[key] {
                    pair = p
                } else if pairs.count + 1 < maxPairs {
                    let p = Int16(pairs.count + 1)
                    if init_pair(p, Int16(fg), Int16(bg)) != ERR {
                        pairs[key] = p
                        pair = p
                    }
                }
            } else if st.bg != -1 && !st.reverse {
                attr |= sb_a_reverse()
            }
            table[role] = (attr, pair)
        }
        styleTable = table
        plainStyle = table[.normal] ?? (sb_a_normal(), 0)
        shadow = nil  // repaint with the new styles
    }
}
