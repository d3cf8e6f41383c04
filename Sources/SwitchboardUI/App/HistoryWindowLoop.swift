import Foundation
import ScreenKit
import SwitchboardCore

/// The event loop while the feed shows a window of the history (`HistoryWindow`) and the store loads on another
/// thread: keys change the state as always (`j`, `k`, the page keys, focus, the command line); the effects they ask
/// for wait until the store is there (`Runtime.run(pending:)` runs them).
public enum HistoryWindowLoop {
    /// Draws `state` and handles what the terminal sends until `loaded()` or the user quits; returns the effects asked
    /// for meanwhile.
    public static func run(terminal: Terminal, state: inout AppState, loaded: () -> Bool) -> [Effect] {
        state.chrome.size = terminal.size
        var pending: [Effect] = []
        var last: (ScreenBuffer, Point?)?
        func draw() {
            let frame = renderFrame(state, size: terminal.size)
            if last == nil || last!.0 != frame.0 || last!.1 != frame.1 {
                terminal.present(frame.0, cursor: frame.1)
                last = frame
            }
        }
        draw()
        while !loaded() && !state.chrome.quit {
            guard let event = terminal.nextEvent(timeoutMilliseconds: 50) else { continue }
            switch event {
            case .key(let k): pending += update(&state, .key(k))
            case .paste(let p): pending += update(&state, .paste(p))
            case .mouse(let m): pending += update(&state, .mouse(m))
            case .resize(let s): pending += update(&state, .resize(s))
            case .terminate: pending += update(&state, .terminate)
            case .wake: continue
            }
            draw()
        }
        return pending
    }
}
