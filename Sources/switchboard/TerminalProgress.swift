import Foundation
import HistoryIndex
import ScreenKit
import SwitchboardCore
import SwitchboardUI

/// A build or rebuild of the history index in the workbench's own screen (issue 18: "a missing, corrupt or
/// older-schema index is rebuilt automatically with a visible progress line"): the workbench's frame, still
/// without mentions, with the stage and how far it is in the status line — "rebuilding the index: its layout is
/// older … 42 %", then "sorting the lookups and the full-text index … 80 %". Redrawn when the percentage
/// changes, at most ten times a second. The rebuild calls it on the thread that opens the index (the lock keeps a
/// stage reported from another thread from drawing at the same time).
final class TerminalProgress: IndexProgress, @unchecked Sendable {
    private let terminal: Terminal
    private var state: AppState
    private let lock = NSLock()
    private var title = ""
    private var lastPercent = -1
    private var lastDraw = Date.distantPast

    init(terminal: Terminal, state: AppState) {
        (self.terminal, self.state) = (terminal, state)
    }

    func started(_ what: String) {
        lock.withLock {
            title = what
            lastPercent = -1
            draw(L10n.t("window.indexStage", ["what": what]))
        }
    }

    func advanced(done: Int, total: Int) {
        guard total > 0 else { return }
        lock.withLock {
            let percent = min(100, done * 100 / total)
            let now = Date()
            guard percent != lastPercent, percent == 100 || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastPercent = percent
            draw(L10n.t("window.indexProgress", ["what": title, "percent": percent]))
        }
    }

    func finished(_ summary: String) {
        lock.withLock { draw(summary) }
    }

    private func draw(_ text: String) {
        lastDraw = Date()
        state.chrome.message = StatusMessage(text: text, isError: false, until: .distantFuture)
        state.chrome.now = lastDraw
        let frame = renderFrame(state, size: terminal.size)
        terminal.present(frame.buffer, cursor: frame.cursor)
    }
}
