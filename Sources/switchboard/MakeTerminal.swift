import ScreenKit

/// Creates the real terminal and its waker.
/// TODO(lead): once NCursesTerminal lands on main, replace the body with
///     let t = try NCursesTerminal()
///     return (t, t.makeWaker())
/// (and `import NCursesTerminal`). NCursesTerminal should also conform to SwitchboardUI.SuspendableTerminal
/// (suspend: def_prog_mode + endwin; resume: reset_prog_mode + full repaint) so `$EDITOR` gets a clean terminal.
func makeTerminal() throws -> (Terminal, TerminalWaker?) {
    throw CLIError.usage("this build has no terminal backend yet (NCursesTerminal)")
}
