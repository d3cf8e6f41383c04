import NCursesTerminal
import ScreenKit
import SwitchboardUI

/// Opens the real terminal ($TERM) and its waker; errors (unknown or dumb TERM, no tty) say what is wrong.
func makeTerminal() throws -> (Terminal, TerminalWaker?) {
    let t = try NCursesTerminal()
    return (t, t.makeWaker())
}

/// `$EDITOR` runs with the terminal handed over and taken back (not torn down).
extension NCursesTerminal: SuspendableTerminal {
    public func suspend() { suspendForChild() }
    public func resume() { resumeAfterChild() }
}
