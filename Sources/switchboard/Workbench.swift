import Foundation
import ScreenKit
import Listening
import SwitchboardCore
import SwitchboardUI

/// Opens the workbench: keymap and theme first (errors exit 2 before the screen changes), then the store,
/// the terminal, and the runtime. The terminal is restored on every way out.
func runWorkbench(global: GlobalOptions, demo: Bool, theme: String?) async throws {
    TextWidth.setupLocale()
    let keymap: Keymap
    do { keymap = try Keymap.load(file: Keymap.userFile()) } catch { throw CLIError.usage("\(error)") }
    let themeDirs = ThemeLoader.searchDirectories()
    let chosen: Theme
    do { chosen = try ThemeLoader.load(try ThemeLoader.chooseName(flag: theme), from: themeDirs) } catch {
        throw CLIError.usage("\(error)")
    }

    let store: Store
    if demo {
        let dir = try Demo.prepare(explicit: global.dataDir) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        store = try Store(dir: dir)
    } else {
        store = try global.openStore(quiet: true)
    }
    let dir = store.dir
    var problems = store.warnings
    var team: TeamConfig?
    if FileManager.default.fileExists(atPath: dir.teamFile.path) {
        do { team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile) } catch { problems.append("\(error)") }
    }

    let terminal: Terminal
    let waker: TerminalWaker?
    do { (terminal, waker) = try makeTerminal() } catch {
        throw CLIError.usage("\(error)")
    }
    defer { terminal.restore() }
    terminal.setStyles(chosen.styles)

    // Poll the sources here unless a `switchboard listen` process does.
    let ownSources = WorkbenchSources.startIfNeeded(store: store, team: team)
    defer { ownSources?.stop(); ownSources?.releaseLock() }
    let pollsHere = ownSources != nil
    let listenerText: @Sendable () -> String = { pollsHere ? "sources: this workbench" : listenerStatus(dir) }

    let settings = WorkbenchSettings(
        dataPath: dir.displayPath, user: Actor.current(), team: team, keymap: keymap, themeName: chosen.name,
        themes: ThemeLoader.available(in: themeDirs), timeZone: team?.timezone.flatMap(TimeZone.init(identifier:)) ?? .current,
        listener: listenerText())
    var state = AppState(settings: settings, size: terminal.size, now: Date())
    if let first = problems.first {
        state.message = StatusMessage(text: first + (problems.count > 1 ? " (and \(problems.count - 1) more)" : ""), isError: true,
                                      until: Date().addingTimeInterval(15))
    }
    let runner = EffectRunner(store: store, actor: Actor.current(), themeDirs: themeDirs)
    runner.applyTheme = { [terminal] t in terminal.setStyles(t.styles) }
    let runtime = Runtime(terminal: terminal, waker: waker, runner: runner, state: state,
                          listenerProbe: listenerText)
    runtime.run()
    terminal.restore()
    for p in problems { FileHandle.standardError.write(Data("warning: \(p)\n".utf8)) }
}

/// "listener: running" while a `switchboard listen` process holds the listener lock of the data directory.
@Sendable func listenerStatus(_ dir: DataDirectory) -> String {
    Listener.isRunning(dir: dir) ? "listener: running" : "sources: not polled (no listener)"
}
