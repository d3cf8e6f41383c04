import CNCursesW
import CSignalPipe
import Dispatch
import Foundation
import ScreenKit

/// Why the terminal could not be opened; the program prints the message and exits 2.
public struct TerminalOpenError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// The real terminal, on ncurses (the only code in the project that calls it). Keep every call on the
/// thread that created it; other threads use `makeWaker()`.
///
/// Start-up: UTF-8 locale, terminal check (unknown or dumb TERM, no cursor addressing → error), `newterm`
/// on /dev/tty (else stdin/stdout), raw/noecho/nonl/keypad, 25 ms escape delay, bracketed paste and
/// optional mouse. SIGTERM/SIGHUP/SIGINT become a `.terminate` event; SIGWINCH a `.resize`; a crash
/// restores the terminal before the process dies; `restore()` runs at exit too.
public final class NCursesTerminal: Terminal {
    let screen: OpaquePointer, inFile: UnsafeMutablePointer<FILE>, outFile: UnsafeMutablePointer<FILE>
    let ttyFile: UnsafeMutablePointer<FILE>?
    let inFD: Int32, outFD: Int32, pipeRead: Int32, pipeWrite: Int32
    public let termName: String
    /// Colours the terminal offers (0 = monochrome).
    public let colorCount: Int
    let mouseEnabled: Bool
    var restored = false

    // Drawing state (NCursesTerminal+Present.swift).
    var shadow: ScreenBuffer?
    var styleTable: [StyleRole: (attr: attr_t, pair: Int16)] = [:]
    var plainStyle: (attr: attr_t, pair: Int16) = (0, 0)
    var cursorVisible: Int32 = -1
    /// The terminal can scroll part of the screen (a scroll region, or inserting and deleting lines).
    var canScroll = false

    // Event state (NCursesTerminal+Events.swift).
    var queued: [TerminalEvent] = []
    var lastSize: Size

    static let pasteStartCode: Int32 = 0o1001
    static let pasteEndCode: Int32 = 0o1002

    /// Opens the terminal named `termName` (default: $TERM). Throws `TerminalOpenError` with a message
    /// such as "unknown terminal type 'foo'" or "terminal 'dumb' cannot address the cursor".
    public init(termName: String? = nil, mouse: Bool = true) throws {
        TextWidth.setupLocale()
        let name: String = termName ?? ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !name.isEmpty else { throw TerminalOpenError(message: "TERM is not set: cannot open the terminal") }
        self.termName = name

        // Prefer the controlling terminal, so that stdout may be redirected.
        if let tty = fopen("/dev/tty", "r+") {
            (ttyFile, inFile, outFile) = (tty, tty, tty)
        } else {
            guard isatty(0) != 0 else {
                throw TerminalOpenError(message: "not a terminal: standard input is not a tty")
            }
            (ttyFile, inFile, outFile) = (nil, sb_stdin(), sb_stdout())
        }
        inFD = fileno(inFile)
        outFD = fileno(outFile)

        switch sb_check_terminal(name, outFD) {
        case 0: break
        case 2:
            if let t = ttyFile { fclose(t) }
            throw TerminalOpenError(message: "terminal '\(Sanitizer.line(name))' cannot address the cursor")
        case 3:
            if let t = ttyFile { fclose(t) }
            throw TerminalOpenError(message: "no terminfo database found (install ncurses-base / ncurses-term)")
        default:
            if let t = ttyFile { fclose(t) }
            throw TerminalOpenError(message: "unknown terminal type '\(Sanitizer.line(name))'")
        }

        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            if let t = ttyFile { fclose(t) }
            throw TerminalOpenError(message: "cannot create the wake-up pipe: \(String(cString: strerror(errno)))")
        }
        pipeRead = fds[0]
        pipeWrite = fds[1]
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        sb_save_termios(inFD)
        guard let scr = newterm(name, outFile, inFile) else {
            close(pipeRead)
            close(pipeWrite)
            if let t = ttyFile { fclose(t) }
            throw TerminalOpenError(message: "unknown terminal type '\(Sanitizer.line(name))'")
        }
        screen = scr
        _ = set_term(scr)
        raw()
        noecho()
        nonl()
        _ = keypad(sb_stdscr(), true)
        _ = set_escdelay(25)
        wtimeout(sb_stdscr(), 0)
        _ = intrflush(sb_stdscr(), false)
        _ = define_key("\u{1B}[200~", Self.pasteStartCode)
        _ = define_key("\u{1B}[201~", Self.pasteEndCode)
        Self.defineAlternateKeySequences()

        if has_colors() { _ = start_color(); _ = use_default_colors() }
        colorCount = has_colors() ? Int(sb_colors()) : 0
        canScroll = has_il() || sb_tigetstr("csr") != nil
        mouseEnabled = mouse
        if mouse { _ = mousemask(sb_mouse_mask(), nil); mouseinterval(0) }
        var h: Int32 = 0
        var w: Int32 = 0
        sb_getmaxyx(sb_stdscr(), &h, &w)
        lastSize = Size(width: Int(w), height: Int(h))

        writeRaw("\u{1B}[?2004h")
        installSignalHandling()
        Self.current = self
        Self.registerAtExit()
    }

    deinit { restore() }

    public var size: Size {
        var h: Int32 = 0
        var w: Int32 = 0
        sb_getmaxyx(sb_stdscr(), &h, &w)
        return Size(width: Int(w), height: Int(h))
    }

    /// Ends curses mode (idempotent): leaves the alternate screen, shows the cursor, turns bracketed
    /// paste and mouse reporting off, and puts the tty back in the mode it had.
    public func restore() {
        guard !restored else { return }
        restored = true
        // As before the dispatch sources were replaced: the drafts are being saved, a second SIGTERM waits.
        for sig in [SIGTERM, SIGHUP, SIGINT] { signal(sig, SIG_IGN) }
        if mouseEnabled { _ = mousemask(0, nil) }
        _ = curs_set(1)
        writeRaw("\u{1B}[?2004l")
        _ = endwin()
        fflush(outFile)
        sb_disarm_crash_restore()
        if Self.current === self { Self.current = nil }
    }

    /// OSC 52: the terminal (and tmux with `set-clipboard on`) puts the text on the system clipboard.
    public func copyToClipboard(_ text: String) {
        let b64 = Data(Sanitizer.text(text).utf8).base64EncodedString()
        writeRaw("\u{1B}]52;c;\(b64)\u{07}")
    }

    public func makeWaker() -> TerminalWaker { PipeWaker(fd: pipeWrite) }

    /// Bytes straight to the terminal, outside ncurses' picture of the screen (mode switches, OSC 52).
    func writeRaw(_ s: String) {
        fflush(outFile)
        var bytes = Array(s.utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(outFD, $0.baseAddress! + off, $0.count - off) }
            if n <= 0 {
                if errno == EINTR { continue }
                break
            }
            off += n
        }
    }

    /// Teaches ncurses the sequences other terminals send for the same keys (tmux sends `ESC [1~` for
    /// Home whatever TERM says, the Linux console `ESC [[A` for F1, …), where terminfo left them unbound.
    static func defineAlternateKeySequences() {
        func code(_ k: Key) -> Int32? {
            switch k {
            case .up: return KEY_UP
            case .down: return KEY_DOWN
            case .left: return KEY_LEFT
            case .right: return KEY_RIGHT
            case .home: return KEY_HOME
            case .end: return KEY_END
            case .pageUp: return KEY_PPAGE
            case .pageDown: return KEY_NPAGE
            case .insert: return KEY_IC
            case .delete: return KEY_DC
            case .backTab: return KEY_BTAB
            case .enter: return KEY_ENTER
            case .function(let n): return sb_key_f(Int32(n))
            default: return nil
            }
        }
        var table: [(String, Key)] = []
        for (b, k) in KeyTables.csiFinal { table.append(("\u{1B}[" + String(UnicodeScalar(b)), k)) }
        for (b, k) in KeyTables.ss3 { table.append(("\u{1B}O" + String(UnicodeScalar(b)), k)) }
        for (n, k) in KeyTables.tilde { table.append(("\u{1B}[\(n)~", k)) }
        for (b, k) in KeyTables.linuxFunction { table.append(("\u{1B}[[" + String(UnicodeScalar(b)), k)) }
        for (seq, key) in table {
            guard let c = code(key), key_defined(seq) == 0 else { continue }
            _ = define_key(seq, c)
        }
    }

    // MARK: - Signals and exit

    nonisolated(unsafe) static weak var current: NCursesTerminal?
    nonisolated(unsafe) static var atExitRegistered = false

    static func registerAtExit() {
        guard !atExitRegistered else { return }
        atExitRegistered = true
        atexit { NCursesTerminal.current?.restore() }
    }

    func installSignalHandling() {
        _ = sb_forward_sigwinch(pipeWrite)
        var reset = ""
        for cap in ["rmcup", "cnorm", "sgr0"] {
            if let s = sb_tigetstr(cap) { reset += String(cString: s) }
        }
        reset += "\u{1B}[?2004l" + (mouseEnabled ? "\u{1B}[?1000l\u{1B}[?1006l" : "") + "\r\n"
        sb_install_crash_restore(outFD, reset)
        // Installed synchronously (a dispatch source registers later and could drop a signal sent at start-up).
        for sig in [SIGTERM, SIGHUP, SIGINT] { _ = sb_signal_to_pipe(sig, pipeWrite, UInt8(ascii: "t")) }
    }
}

/// Writes a byte to the terminal's wake-up pipe: `nextEvent` returns `.wake`.
struct PipeWaker: TerminalWaker {
    let fd: Int32
    func wake() {
        var c: UInt8 = UInt8(ascii: "w")
        _ = write(fd, &c, 1)
    }
}
