import Foundation
import ListenerServices
import Listening
import ScreenKit
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
        store = try Store(dir: try Demo.prepare(explicit: global.dataDir))
    } else {
        store = try global.openStore(quiet: true)
    }
    let dir = store.dir
    var problems = store.warnings
    var team: TeamConfig?
    if FileManager.default.fileExists(atPath: dir.teamFile.path) {
        do { team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile) } catch { problems.append("\(error)") }
    }

    // Sources: this workbench runs them itself unless a `switchboard listen` holds the listener lock.
    let sources = team.map { WorkbenchSources(store: store, team: $0) }
    defer { sources?.stop() }

    let terminal: Terminal
    let waker: TerminalWaker?
    do { (terminal, waker) = try makeTerminal() } catch {
        throw CLIError.usage("\(error)")
    }
    defer { terminal.restore() }
    terminal.setStyles(chosen.styles, background: chosen.background)

    // Saved views (named queries) from the personal config; a broken file is reported, not fatal.
    var views: [SavedViews.View] = []
    let tz = team?.timezone.flatMap(TimeZone.init(identifier:)) ?? .current
    if FileManager.default.fileExists(atPath: SavedViews.file().path) {
        do { views = try SavedViews.load(from: SavedViews.file(), timeZone: tz).views } catch {
            problems.append("\(error)")
        }
    }

    var settings = WorkbenchSettings(
        dataPath: dir.displayPath, user: Actor.current(), team: team, keymap: keymap, themeName: chosen.name,
        themes: ThemeLoader.available(in: themeDirs),
        timeZone: team?.timezone.flatMap(TimeZone.init(identifier:)) ?? .current,
        listener: listenerStatus(dir, own: sources), views: views)
    settings.publishesQueue = sources?.isRunning == true
    var state = AppState(settings: settings, size: terminal.size, now: Date())
    if let first = problems.first {
        state.chrome.message = StatusMessage(
            text: first + (problems.count > 1 ? " (and \(problems.count - 1) more)" : ""), isError: true,
            until: Date().addingTimeInterval(15))
    }
    let runner = EffectRunner(store: store, actor: Actor.current(), themeDirs: themeDirs)
    runner.applyTheme = { [terminal] t in terminal.setStyles(t.styles, background: t.background) }
    // Replies go out through the mention's network: the publisher of the team's source that found it.
    if let team {
        runner.publisherFor = OutboxSender.publishers(team: team, dataDir: dir, http: URLSessionHTTPClient())
    }
    // Due queue items go out from here only when this workbench runs the sources;
    // a running listener publishes otherwise.
    runner.team = team
    runner.timeZone = tz
    if let team, sources?.isRunning == true {
        runner.queuePublisherFor = QueuePublisher.publishers(team: team, dataDir: dir, http: URLSessionHTTPClient())
    }
    let runtime = Runtime(
        terminal: terminal, waker: waker, runner: runner, state: state,
        listenerProbe: { listenerStatus(dir, own: sources) })
    runtime.run()
    terminal.restore()
    for p in problems { FileHandle.standardError.write(Data("warning: \(p)\n".utf8)) }
}

/// "sources: this workbench" when this process polls the sources, "listener: running" when a
/// `switchboard listen` does, else "sources: off".
/// Polled every second or so, so it reads the pid a listener writes into its lock file instead of taking
/// the lock (a probe holding the lock, however briefly, could make a starting listener fail).
@Sendable func listenerStatus(_ dir: DataDirectory, own: WorkbenchSources?) -> String {
    if own?.isRunning == true { return "sources: this workbench" }
    if let s = try? String(contentsOf: Listener.lockFile(dir), encoding: .utf8),
        let pid = Int32(s.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0, pid != getpid(),
        kill(pid, 0) == 0 || errno == EPERM
    {
        return "listener: running"
    }
    return "sources: off"
}
