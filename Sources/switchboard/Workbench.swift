import DemoNetwork
import Foundation
import HistoryIndex
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
    StartTrace.mark("workbench")
    do { keymap = try Keymap.load(file: Keymap.userFile()) } catch { throw CLIError.usage("\(error)") }
    StartTrace.mark("keymap")
    let themeDirs = ThemeLoader.searchDirectories()
    let chosen: Theme
    do { chosen = try ThemeLoader.load(try ThemeLoader.chooseName(flag: theme), from: themeDirs) } catch {
        throw CLIError.usage("\(error)")
    }
    StartTrace.mark("theme")
    let layout: LayoutStyle
    do {
        layout = try LayoutStyle.fromConfig(DataDirectory.configDirectory().appendingPathComponent("config.json"))
    } catch { throw CLIError.usage("\(error)") }

    // The terminal first: without one (cron, `</dev/null` without a controlling terminal) nothing is opened,
    // polled or written before the refusal.
    StartTrace.mark("layout")
    let terminal: Terminal
    let waker: TerminalWaker?
    do { (terminal, waker) = try makeTerminal() } catch {
        throw CLIError.usage("\(error): the workbench needs a terminal (the subcommands work without one)")
    }
    defer { terminal.restore() }
    StartTrace.mark("terminal")

    // `:brand NAME` or the brands overview ends a session with the brand to open next: the workbench reopens on
    // its data directory in the same terminal.
    var nextBrand: BrandList.Brand?
    var problems: [String] = []
    while true {
        // The demo's network accounts answer on 127.0.0.1 while this workbench runs (team.json points there).
        var demoNetwork: DemoNetwork?
        defer { demoNetwork?.stop() }
        let dir: DataDirectory
        let isDemo = demo && nextBrand == nil
        if let next = nextBrand {
            dir = DataDirectory(root: URL(fileURLWithPath: next.dir))
        } else if demo {
            dir = try Demo.prepare(explicit: global.dataDir)
        } else {
            dir = try global.existingDirectory()
        }
        var team: TeamConfig?
        // A team.json that does not parse is shown in a banner until it parses (no defaults are written meanwhile).
        var teamProblem: String?
        let teamWatch = TeamWatch(file: dir.teamFile)
        if FileManager.default.fileExists(atPath: dir.teamFile.path) {
            do { team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile) } catch {
                teamProblem = "\(error)"
            }
        }
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
            sources: sourcesMode(dir, own: nil), views: views)
        settings.layout = layout
        settings.mediaDir = MediaLibrary(dir).dir
        settings.teamProblem = teamProblem
        settings.onDefaults = teamProblem != nil
        var state = AppState(settings: settings, size: terminal.size, now: Date())
        StartTrace.mark("team, settings, state")

        // A large history: the first frame from the index while the store folds the logs (WorkbenchWindow.swift).
        let store: Store
        var pending: [Effect] = []
        if !isDemo,
            let (window, pager) = WorkbenchWindow.read(
                dir, state: state, progress: TerminalProgress(terminal: terminal, state: state))
        {
            state.showWindow(window)
            StartTrace.mark("feed built from the window")
            // The first frame before anything else: the fold decodes on every core and would delay it.
            let first = renderFrame(state, size: terminal.size)
            terminal.present(first.0, cursor: first.1)
            StartTrace.mark("first frame presented")
            if WorkbenchWindow.bounded {
                // Only the index, page by page: no store is folded; writes go through a store that keeps no
                // mentions (WorkbenchWindow.effects).
                let effects = WorkbenchWindow.effects(dir, pager: pager, team: team, timeZone: tz, themeDirs: themeDirs)
                if state.settings.windowOverdueTarget == nil {
                    state.chrome.message = StatusMessage(
                        text: L10n.t("window.noOverdue"), isError: false, until: Date().addingTimeInterval(15))
                }
                _ = HistoryWindowLoop.run(
                    terminal: terminal, state: &state, pager: pager, answer: effects.answer, refreshEvery: 2
                ) { false }
                break
            }
            let loading = StoreLoading(dir, waker: waker)
            pending = HistoryWindowLoop.run(terminal: terminal, state: &state, pager: pager) { loading.isDone }
            if state.chrome.quit { break }
            store = try loading.wait()
        } else {
            store = try Store(dir: dir)
            FreedMemory.release()
        }
        if isDemo {
            demoNetwork = try Demo.startNetwork(store.dir)
            demoNetwork?.setConversations(Demo.threadPosts(store.mentions))
        }
        problems += store.warnings

        // Sources: this workbench polls them unless another process holds the listener lock, and takes over when
        // that process quits (the probe below tries every second or so).
        let sources = WorkbenchSources(store: store, team: team)
        sources.takeOverIfFree()
        defer { sources.stop() }
        state.sourcesKnown(sourcesMode(dir, own: sources), publishesQueue: sources.isRunning)
        if let next = nextBrand {
            state.chrome.message = StatusMessage(
                text: "brand: \(next.name)", isError: false, until: Date().addingTimeInterval(5))
        }
        if let first = problems.first {
            state.chrome.message = StatusMessage(
                text: first + (problems.count > 1 ? " (and \(problems.count - 1) more)" : ""), isError: true,
                until: Date().addingTimeInterval(15))
        }
        let runner = EffectRunner(store: store, actor: Actor.current(), themeDirs: themeDirs)
        runner.brandSummary = HistoryIndex.brandSummary
        runner.applyTheme = { [terminal] t in terminal.setStyles(t.styles, background: t.background) }
        // Replies go out through the mention's network: the publisher of the team's source that found it. Due queue
        // items go out from here only while this workbench polls (AppSettings.publishesQueue); a listener does
        // otherwise. Both follow team.json edits.
        runner.postHTTP = URLSessionHTTPClient(timeout: 30)
        runner.teamChanged = { [weak runner] t in
            runner?.publisherFor = OutboxSender.publishers(team: t, dataDir: dir, http: URLSessionHTTPClient())
            runner?.queuePublisherFor = QueuePublisher.publishers(team: t, dataDir: dir, http: URLSessionHTTPClient())
            runner?.moderatorFor = Moderation.moderators(team: t, dataDir: dir, http: URLSessionHTTPClient())
            runner?.threadFetcherFor = Conversations.fetchers(team: t, dataDir: dir, http: URLSessionHTTPClient())
            sources.setTeam(t)
        }
        if let team { runner.teamChanged?(team) }
        (runner.team, runner.teamProblem, runner.timeZone) = (team, teamProblem, tz)
        let runtime = Runtime(
            terminal: terminal, waker: waker, runner: runner, state: state,
            listenerProbe: {
                sources.takeOverIfFree()
                return sourcesMode(dir, own: sources)
            }, teamWatch: teamWatch)
        runtime.run(pending: pending)
        if let why = runtime.state.settings.teamProblem {
            problems.append(why + " (nothing was saved while it did not parse)")
        }
        guard let next = runtime.state.chrome.nextBrand else { break }
        nextBrand = next
    }
    terminal.restore()
    for p in problems { Output.warn(p) }
}

/// `.polling` when this process polls the sources, `.listener(pid)` when another process (`switchboard listen`,
/// another workbench) does, else `.none`. Polled every second or so, so it reads the pid the holder writes into
/// the lock file instead of taking the lock (a probe holding the lock, however briefly, could make a starting
/// listener fail).
@Sendable func sourcesMode(_ dir: DataDirectory, own: WorkbenchSources?) -> SourcesMode {
    if own?.isRunning == true { return .polling }
    if let s = try? String(contentsOf: Listener.lockFile(dir), encoding: .utf8),
        let pid = Int32(s.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0, pid != getpid(),
        kill(pid, 0) == 0 || errno == EPERM
    {
        return .listener(pid: pid)
    }
    return .none
}
