import NCursesTerminal
import ScreenKit
import SwitchboardUI

/// Creates the real terminal and its waker (an unknown or dumb TERM is an error: exit 2).
func makeTerminal() throws -> (Terminal, TerminalWaker?) {
    let t = try NCursesTerminal()
    return (t, t.makeWaker())
}
