import CNCursesW
import ScreenKit

extension NCursesTerminal {
    /// Hands the terminal to a child program (the workbench's `$EDITOR`): leaves curses mode, mouse
    /// reporting and bracketed paste, keeping everything else for `resumeAfterChild()`.
    public func suspendForChild() {
        guard !restored else { return }
        if mouseEnabled { _ = mousemask(0, nil) }
        writeRaw("\u{1B}[?2004l")
        _ = def_prog_mode()
        _ = endwin()
        fflush(outFile)
    }

    /// Takes the terminal back after a child program: curses mode again, and the next `present`
    /// repaints every cell (the child drew over the screen).
    public func resumeAfterChild() {
        guard !restored else { return }
        _ = reset_prog_mode()
        writeRaw("\u{1B}[?2004h")
        if mouseEnabled { _ = mousemask(sb_mouse_mask(), nil) }
        shadow = nil
        _ = wrefresh(sb_stdscr())
    }
}
