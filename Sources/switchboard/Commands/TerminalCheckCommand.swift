import ArgumentParser
import Foundation
import NCursesTerminal
import ScreenKit
import SwitchboardCore

/// `switchboard terminal-check` (hidden): opens the real terminal and draws a test screen (German, CJK,
/// emoji, boxes, a selectable list, sanitised text from a file), echoes decoded events, quits on q.
/// The end-to-end tests and Scripts/measure-keypress-bytes drive it under tmux.
struct TerminalCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-check",
        abstract: L10n.t("cli.abstract.terminalCheckCommand.1"),
        shouldDisplay: false
    )

    @Option(help: ArgumentHelp(L10n.t("cli.help.terminalCheck.text")))
    var text: String?

    @Option(help: ArgumentHelp(L10n.t("cli.help.terminalCheck.rows")))
    var rows = 12

    @Option(help: ArgumentHelp(L10n.t("cli.help.terminalCheck.wake")))
    var tickMs = 0

    @Flag(help: ArgumentHelp(L10n.t("cli.help.terminalCheck.noMouse")))
    var noMouse = false

    @Flag(help: ArgumentHelp(L10n.t("cli.help.terminalCheck.showCursor")))
    var showCursor = false

    @Flag(help: ArgumentHelp(L10n.t("cli.help.terminalCheck.highlightText")))
    var highlightText = false

    func run() throws {
        var lines: [String] = []
        if let path = text {
            guard let s = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CLIError.failure(L10n.t("cli.cannotReadPath", ["path": path]))
            }
            lines = s.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        }
        let terminal: NCursesTerminal
        do { terminal = try NCursesTerminal(mouse: !noMouse) } catch let e as TerminalOpenError {
            throw CLIError.usage(e.message)
        }
        defer { terminal.restore() }
        terminal.setStyles(TerminalCheckScreen.styles)
        if tickMs > 0 {
            let waker = terminal.makeWaker()
            let interval = tickMs
            Thread.detachNewThread {
                while true { usleep(useconds_t(interval * 1000)); waker.wake() }
            }
        }
        var screen = TerminalCheckScreen(
            term: terminal.termName, colors: terminal.colorCount, rows: rows, textLines: lines)
        screen.highlightTextOnly = highlightText
        screen.size = terminal.size
        let cursor = { showCursor ? screen.cursorPosition : nil }
        terminal.present(screen.render(), cursor: cursor())
        var frameTimes: [Duration] = []  // event handled → frame on the terminal
        let clock = ContinuousClock()
        while true {
            guard let event = terminal.nextEvent(timeoutMilliseconds: -1) else { continue }
            let start = clock.now
            if !screen.handle(event) { break }
            if case .resize(let s) = event { screen.size = s }
            terminal.present(screen.render(), cursor: cursor())
            if case .key = event { frameTimes.append(clock.now - start) }
        }
        terminal.restore()
        print("terminal-check: " + L10n.t("cli.terminalCheck.restored", ["count": screen.eventCount]))
        if !frameTimes.isEmpty {
            let us = frameTimes.map { Double($0.components.attoseconds) / 1e12 + Double($0.components.seconds) * 1e6 }
                .sorted()
            let p50 = us[us.count / 2]
            let p99 = us[min(us.count - 1, us.count * 99 / 100)]
            print(
                "terminal-check: "
                    + L10n.t(
                        "cli.terminalCheck.frames",
                        ["p50": String(format: "%.0f", p50), "p99": String(format: "%.0f", p99), "count": us.count])
            )
        }
    }
}

/// The test screen's state and rendering (pure; the command feeds it events).
struct TerminalCheckScreen {
    let term: String, colors: Int, rows: Int, textLines: [String]
    var size = Size(width: 80, height: 24)
    var selected = 0
    var log: [String] = []
    var eventCount = 0
    var wakes = 0
    var highlightTextOnly = false

    static let styles: [StyleRole: TerminalStyle] = [
        .normal: TerminalStyle(),
        .border: TerminalStyle(fg: 244, fg16: 7),
        .paneTitle: TerminalStyle(fg: 39, fg16: 6, bold: true),
        .selected: TerminalStyle(fg: 16, bg: 39, fg16: 0, bg16: 6),
        .hint: TerminalStyle(fg: 244, fg16: 7, dim: true),
        .warning: TerminalStyle(fg: 214, fg16: 3, bold: true),
    ]

    /// List rows on screen (j/k wrap around them).
    var visibleRows: Int { max(1, min(rows, size.height - 18)) }

    /// Returns false to quit.
    mutating func handle(_ e: TerminalEvent) -> Bool {
        eventCount += 1
        switch e {
        case .key(.char("q")), .terminate: return false
        case .key(.char("j")), .key(.down): selected = (selected + 1) % visibleRows
        case .key(.char("k")), .key(.up): selected = (selected + visibleRows - 1) % visibleRows
        case .wake:
            wakes += 1
            return true
        default: break
        }
        log.append(Self.describe(e))
        if log.count > 6 { log.removeFirst(log.count - 6) }
        return true
    }

    static func describe(_ e: TerminalEvent) -> String {
        switch e {
        case .key(let k): return "key \(KeyNotation.name(k))"
        case .paste(let s): return "paste \(s.count) chars: \(Sanitizer.line(s))"
        case .mouse(let m): return "mouse \(m.kind) \(m.x),\(m.y)"
        case .resize(let s): return "resize \(s.width)x\(s.height)"
        case .wake: return "wake"
        case .terminate: return "terminate"
        }
    }

    var logTop: Int { 9 + visibleRows + 2 }
    /// Where --show-cursor puts the cursor: after "events:".
    var cursorPosition: Point { Point(x: 8, y: logTop) }

    func render() -> ScreenBuffer {
        var b = ScreenBuffer(size: size)
        guard size.width >= 40, size.height >= 12 else {
            b.put("terminal too small", x: 0, y: 0, role: .warning)
            return b
        }
        let w = size.width
        box(&b, Rect(x: 0, y: 0, width: w, height: 9), title: "terminal-check")
        let inner = w - 2
        let samples =
            [
                "size \(size.width)x\(size.height)  TERM \(term)  colours \(colors)  wakes \(wakes)",
                "Grüße aus München: Äpfel, Öl, Übermaß, Straße",
                "東京都渋谷区 · 日本語のテキスト · 한국어",
                "Emoji: 👍 🇩🇪 👨‍👩‍👧 ✓ e\u{301}",
            ] + textLines.prefix(3).map { "text: " + Sanitizer.line($0) }
        for (i, s) in samples.prefix(7).enumerated() {
            b.put("│" + TextLayout.pad(s, width: inner) + "│", x: 0, y: 1 + i, role: .normal)
            b.setRole(Rect(x: 0, y: 1 + i, width: 1, height: 1), .border)
            b.setRole(Rect(x: w - 1, y: 1 + i, width: 1, height: 1), .border)
        }
        let listTop = 9
        let listHeight = visibleRows
        if listHeight > 0 {
            box(&b, Rect(x: 0, y: listTop, width: w, height: listHeight + 2), title: "list")
            for i in 0..<listHeight {
                let y = listTop + 1 + i
                let label = "row \(i + 1)  " + (i % 3 == 0 ? "Grüße 東京 👍" : "plain ascii line number \(i + 1)")
                b.put("│", x: 0, y: y, role: .border)
                if highlightTextOnly {
                    b.put(TextLayout.clip(label, width: inner), x: 1, y: y, role: i == selected ? .selected : .normal)
                } else {
                    b.put(TextLayout.pad(label, width: inner), x: 1, y: y, role: i == selected ? .selected : .normal)
                }
                b.put("│", x: w - 1, y: y, role: .border)
            }
        }
        b.put("events:", x: 0, y: logTop, role: .paneTitle)
        for (i, line) in log.enumerated() where logTop + 1 + i < size.height - 1 {
            b.put(TextLayout.clip(line, width: w), x: 0, y: logTop + 1 + i)
        }
        b.put(
            TextLayout.pad("q quit · j/k move · paste, click, resize to test", width: w), x: 0, y: size.height - 1,
            role: .hint)
        return b
    }

    func box(_ b: inout ScreenBuffer, _ r: Rect, title: String) {
        let horizontal = String(repeating: "─", count: max(0, r.width - 2))
        b.put("┌" + horizontal + "┐", x: r.x, y: r.y, role: .border)
        for y in (r.y + 1)..<(r.maxY - 1) {
            b.put("│", x: r.x, y: y, role: .border)
            b.put("│", x: r.maxX - 1, y: y, role: .border)
        }
        b.put("└" + horizontal + "┘", x: r.x, y: r.maxY - 1, role: .border)
        b.put(" \(title) ", x: r.x + 2, y: r.y, role: .paneTitle)
    }
}
