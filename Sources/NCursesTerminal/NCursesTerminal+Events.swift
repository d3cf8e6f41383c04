import CNCursesW
import Glibc
import ScreenKit

extension NCursesTerminal {
    /// Waits (poll on the tty and the wake-up pipe: no CPU while idle) up to `timeoutMilliseconds`
    /// (-1: forever) and returns the next event, or nil on timeout.
    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        if !queued.isEmpty { return queued.removeFirst() }
        guard !restored else { return .terminate }
        // ncurses may hold bytes it already read: drain those first.
        if let e = readEvent() { return e }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds < 0 ? nil : clock.now.advanced(by: .milliseconds(timeoutMilliseconds))
        while true {
            var timeout: Int32 = -1
            if let deadline {
                let left = clock.now.duration(to: deadline)
                let ms = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
                timeout = Int32(clamping: max(0, ms))
            }
            var fds = [
                pollfd(fd: inFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: pipeRead, events: Int16(POLLIN), revents: 0),
            ]
            let n = poll(&fds, 2, timeout)
            if n < 0 {
                // EINTR: a signal (SIGWINCH) arrived; ncurses may have a KEY_RESIZE ready.
                if let e = readEvent() { return e }
            } else if n > 0 {
                if fds[1].revents != 0, let e = drainPipe() { return e }
                if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && fds[0].revents & Int16(POLLIN) == 0 {
                    return .terminate  // the terminal went away
                }
                if let e = readEvent() { return e }
                if !queued.isEmpty { return queued.removeFirst() }
            }
            // Nothing we map (an unknown key, a lone resize byte): wait on until the deadline.
            if let deadline, clock.now >= deadline { return nil }
            if n == 0 { return nil }
        }
    }

    /// Reads the wake-up pipe: 't' (a terminating signal) wins over 'r' (resize) over 'w' (wake).
    func drainPipe() -> TerminalEvent? {
        var buf = [UInt8](repeating: 0, count: 64)
        var sawWake = false
        var sawTerm = false
        var sawResize = false
        while true {
            let n = read(pipeRead, &buf, buf.count)
            if n <= 0 { break }
            for b in buf[0..<n] {
                switch b {
                case UInt8(ascii: "t"): sawTerm = true
                case UInt8(ascii: "r"): sawResize = true
                default: sawWake = true
                }
            }
        }
        if sawTerm { return .terminate }
        if sawResize, let e = readEvent() {
            if sawWake { queued.append(.wake) }
            return e
        }
        return sawWake ? .wake : nil
    }

    /// One event from ncurses without waiting (beyond the escape delay), or nil.
    func readEvent() -> TerminalEvent? {
        var attempts = 0
        while attempts < 64 {
            attempts += 1
            var ch: wint_t = 0
            let r = wget_wch(sb_stdscr(), &ch)
            if r == ERR { return nil }
            if r == sb_key_code_yes() {
                if let e = keyCodeEvent(Int32(bitPattern: ch)) { return e }
                continue  // a key we do not map: read on
            }
            if let e = charEvent(UInt32(ch)) { return e }
        }
        return nil
    }

    func charEvent(_ v: UInt32) -> TerminalEvent? {
        if v == 0x1B {
            // Esc, or Alt+key: ncurses already waited the escape delay, so a byte that is here now came
            // with the ESC.
            var next: wint_t = 0
            let r = wget_wch(sb_stdscr(), &next)
            if r == ERR { return .key(.escape) }
            if r == sb_key_code_yes() {
                if Int32(bitPattern: next) == KEY_BACKSPACE { return .key(.alt("\u{7F}")) }
                if let e = keyCodeEvent(Int32(bitPattern: next)) { queued.append(e) }
                return .key(.escape)
            }
            let n = UInt32(next)
            if n == 0x7F || n == 0x08 { return .key(.alt("\u{7F}")) }  // Alt-Backspace
            if n >= 0x20, n != 0x7F, let s = Unicode.Scalar(n), !Sanitizer.isUnsafe(s) {
                return .key(.alt(Character(s)))
            }
            if let e = charEvent(n) { queued.append(e) }
            return .key(.escape)
        }
        if v < 0x20 || v == 0x7F { return KeyTables.control(UInt8(v)).map { .key($0) } }
        guard let s = Unicode.Scalar(v), !Sanitizer.isUnsafe(s), TextWidth.width(s) > 0 || v == 0x20 else { return nil }
        return .key(.char(Character(s)))
    }

    func keyCodeEvent(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_UP, KEY_SR: return .key(.up)
        case KEY_DOWN, KEY_SF: return .key(.down)
        case KEY_LEFT, KEY_SLEFT: return .key(.left)
        case KEY_RIGHT, KEY_SRIGHT: return .key(.right)
        case KEY_HOME, KEY_SHOME, KEY_A1: return .key(.home)
        case KEY_END, KEY_SEND, KEY_C1, KEY_LL: return .key(.end)
        case KEY_PPAGE, KEY_A3: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3: return .key(.pageDown)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC, KEY_SDC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case sb_key_resize():
            let s = size
            lastSize = s
            shadow = nil
            return .resize(s)
        case sb_key_mouse(): return mouseEvent()
        case Self.pasteStartCode: return readPaste()
        case Self.pasteEndCode: return nil
        default:
            let f0 = sb_key_f(0)
            if code > f0 && code <= f0 + 63 { return .key(.function(Int(code - f0))) }
            return nil
        }
    }

    func mouseEvent() -> TerminalEvent? {
        var ev = MEVENT()
        guard getmouse(&ev) == OK else { return nil }
        let x = Int(ev.x)
        let y = Int(ev.y)
        if sb_mouse_is_wheel_up(ev.bstate) != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y)) }
        if sb_mouse_is_wheel_down(ev.bstate) != 0 { return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y)) }
        if sb_mouse_is_press(ev.bstate) != 0 { return .mouse(MouseEvent(kind: .press, x: x, y: y)) }
        if sb_mouse_is_release(ev.bstate) != 0 { return .mouse(MouseEvent(kind: .release, x: x, y: y)) }
        return nil
    }

    /// After the paste-start marker: everything up to the end marker is one paste (sanitised, CR → LF).
    /// Gives up after half a second of silence (a terminal that never sends the end marker).
    func readPaste() -> TerminalEvent? {
        let win = sb_stdscr()!
        wtimeout(win, 500)
        defer { wtimeout(win, 0) }
        var scalars = String.UnicodeScalarView()
        while true {
            var ch: wint_t = 0
            let r = wget_wch(win, &ch)
            if r == ERR { break }
            if r == sb_key_code_yes() {
                let code = Int32(bitPattern: ch)
                if code == Self.pasteEndCode { break }
                if code == KEY_ENTER { scalars.append("\n") }
                if code == sb_key_resize() { queued.append(.resize(size)); shadow = nil }
                continue
            }
            if let s = Unicode.Scalar(UInt32(ch)) { scalars.append(s) }
        }
        let text = Sanitizer.text(String(scalars))
        return text.isEmpty ? nil : .paste(text)
    }
}
