import Foundation
import Insight
import Listening
import SwitchboardCore

/// Performs effects against the store and the file system and answers with messages. Used by the
/// Runtime and by tests (TestApp), so both run the same code. Main thread only.
public final class EffectRunner {
    public let store: Store
    public let actor: String
    let themeDirs: [URL]
    /// The feed query matcher (its columns are reused from one keystroke to the next).
    var matcher: QueryMatcher?
    /// Finds the publisher for an outbox entry (injected by Workbench.swift from the team's sources; tests
    /// inject a fake or a loopback-server-backed one). Nil: replies are queued but only another process sends.
    public var publisherFor: OutboxSender.PublisherFor?
    /// Publishes due queue items (injected by Workbench.swift when this workbench runs the sources; tests inject
    /// a fake).
    public var queuePublisherFor: QueuePublisher.PublisherFor?
    /// Finds the moderator for a mention (injected like `publisherFor`); nil: moderation is refused.
    public var moderatorFor: Moderation.ModeratorFor?
    /// Fetches conversations for the thread view (injected like `moderatorFor`); nil: only stored posts show.
    public var threadFetcherFor: Conversations.FetcherFor?
    /// How edits and deletes of our own posts reach the networks (`OwnPosts`); nil: refused.
    public var postHTTP: HTTPClient?
    /// The team (queue operations need its sources, schedule and roles); nil: queue changes are refused.
    public var team: TeamConfig?
    /// Why team.json does not parse (file, line, column): while set, nothing is written (EffectRunner+Team.swift).
    public var teamProblem: String?
    /// Called with the team after a team.json change (Workbench.swift: publishers and the sources follow it).
    public var teamChanged: ((TeamConfig) -> Void)?
    /// For the times in status messages.
    public var timeZone = TimeZone(identifier: "UTC")!
    /// Writes OSC 52 (the runtime hands it the terminal's copyToClipboard).
    public var copyToClipboard: ((String) -> Void)?
    /// Jobs off the main loop, answering through a mailbox (the runtime's and the TestApp's).
    public let background = BackgroundWork()
    lazy var sender = OutboxSender(store: store, actor: actor)
    /// The folds of the store the effects read, advanced with every delta (one value).
    var view = StoreView()
    /// Called with a loaded theme (the runtime hands it to the terminal).
    public var applyTheme: ((Theme) -> Void)?
    /// Runs around an external program (the editor): give the terminal back, then take it again.
    public var suspendTerminal: (() -> Void)?
    public var resumeTerminal: (() -> Void)?
    /// How the editor is run; tests replace it. Default: `$VISUAL`, else `$EDITOR`, else `vi`, on a temp file.
    public var editor: (String) throws -> String = EffectRunner.runEditor
    /// The time written into claims and outbox entries (tests pin it to their clock).
    public var clock: () -> Date = { Date() }
    /// The personal brands list (`:brand`, `B`).
    public var brandsFile: URL = BrandList.file()
    /// How the brands overview reads one brand's row: the workbench reads it through the brand's history index
    /// (`HistoryIndex.brandSummary`); the fold of the brand's store by default.
    public var brandSummary: @Sendable (BrandList.Brand, DataDirectory, Date) -> BrandSummary = BrandSummary.read

    /// A mention the store does not keep (a store opened `.keysOnly` behind a bounded window reads it from the index).
    public var mentionFromIndex: ((String) -> Mention?)?
    /// The history's figures a store without mentions cannot give (a bounded window's index): the crisis chart's
    /// slots and the texts that pick the playbook a spike suggests.
    public var history: HistorySource?

    public init(store: Store, actor: String, themeDirs: [URL] = []) {
        (self.store, self.actor, self.themeDirs) = (store, actor, themeDirs)
    }

    /// Everything in the store, for the first frame.
    public func initialDelta() -> StoreDelta {
        let all = store.mentions
        let events = store.events
        var d = StoreDelta(
            newMentions: all, states: store.states(), reloaded: true,
            spike: SpikeNotice.latest(in: events))
        view = StoreView()
        d.outbox = view.start(mentions: all, events: events, spike: d.spike)
        d.queue = loadQueue()
        view.playbookLibrary = PlaybookLibrary.load(store.dir)
        d.crisis = crisisInfo()
        view.contacts = Contacts(mentions: readable(all), events: events, team: team)
        d.personMarks = personMarks()
        return d
    }

    /// What changed since the last delta (new mentions are found by count, so changes folded in by our own
    /// writes are never missed).
    public func delta(_ changes: StoreChanges = StoreChanges()) -> StoreDelta {
        let g = view.advance(mentions: store.mentions, events: store.events, reloaded: changes.reloaded)
        var analysis: [String: Analysis] = [:]
        if !g.reloaded {
            for k in changes.changedStates { if let a = store.mention(k)?.analysis { analysis[k] = a } }
        }
        var d = StoreDelta(
            newMentions: g.newMentions, states: store.states(), analysis: analysis, reloaded: g.reloaded,
            spike: SpikeNotice.latest(in: g.newEvents))
        d.outbox = g.outbox
        let queueChanged = g.newEvents.contains {
            if case .queue = $0.action { return true }
            return PostMetrics(event: $0) != nil
        }
        if g.fresh || queueChanged { d.queue = loadQueue() }
        if g.reloaded || g.fresh || !analysis.isEmpty { view.chart = nil }
        if let sp = d.spike { view.lastSpike = sp }
        updateContacts(&d, new: g.newMentions, newEvents: Array(g.newEvents), reload: g.reloaded || g.fresh)
        let crisisChanged = g.newEvents.contains { if case .crisis = $0.action { return true } else { return false } }
        // During a run the chart and the timeline follow every new mention and action.
        let running = view.crisisLog.current != nil && (!g.newMentions.isEmpty || !g.newEvents.isEmpty)
        if g.fresh || crisisChanged || d.spike != nil || running { d.crisis = crisisInfo() }
        return d
    }

    public func perform(_ e: Effect) -> [Message] {
        if let refused = refuseWithoutTeam(e) { return refused }
        switch e {
        case .record(let actions, let done):
            do {
                try store.record(actions, actor: actor, now: clock())
                return [.storeChanged(delta()), .recorded(done)]
            } catch {
                return [.failed(L10n.t("msg.couldNotRecord", ["error": "\(error)"]))]
            }
        case .loadDetail(let key):
            return loadDetail(key)
        case .saveDraft(let key, let text):
            return saveDraft(key, text)
        case .openEditor(let key, let text):
            suspendTerminal?()
            defer { resumeTerminal?() }
            do { return [.editorFinished(key: key, text: try editor(text))] } catch {
                return [.editorFinished(key: key, text: nil), .failed("\(error)")]
            }
        case .loadPanels:
            view.playbookLibrary = PlaybookLibrary.load(store.dir)
            view.offer = nil
            return [.panelsLoaded(loadQueue(), crisisInfo())]
        case .loadTheme(let name):
            do {
                let t = try ThemeLoader.load(name, from: themeDirs)
                applyTheme?(t)
                return [.themeLoaded(name)]
            } catch {
                return [.failed("\(error)")]
            }
        case .loadTrends(let now):
            return loadTrends(now: now)
        case .matchFeed(let q, let now, let sla):
            return matchFeed(q, now: now, slaMinutes: sla)
        case .claim(let key, let force):
            return claim(key, force: force)
        case .loadTemplates:
            return [.templatesLoaded(TemplateLibrary.load(store.dir))]
        case .queueReply(let key, let text, let delay, let openedAt, let media):
            return queueReply(key, text: text, delay: delay, openedAt: openedAt, media: media)
        case .cancelSend(let id, let draft):
            return cancelSend(id, draft: draft)
        case .deleteDraft(let key, let sentAt):
            PanelFiles.deleteDraft(store.dir, key: key, savedUpTo: sentAt)
            return []
        case .retrySend(let id):
            return retrySend(id)
        case .confirmManual(let id):
            return confirmManual(id)
        case .refreshStore:
            return [.storeChanged(delta())]
        case .copyToClipboard(let text):
            copyToClipboard?(text)
            return []
        case .sendDue:
            return sendDue()
        case .queue(let op):
            return performQueue(op)
        case .publishQueue:
            return performPublishQueue()
        case .crisis(let op):
            return performCrisis(op)
        case .community(let c):
            return performCommunity(c)
        case .brands(let op):
            return performBrands(op)
        case .moderation(let op):
            return performModeration(op)
        case .thread(let op):
            return performThread(op)
        case .ownPost(let op):
            return performOwnPost(op)
        case .loadSuggestions(let key):
            return loadSuggestions(key)
        case .useTeam(let t, let problem):
            return useTeam(t, problem: problem)
        case .sync:
            return performSync()
        case .quit:
            return []
        }
    }

    /// Writes the draft to a private temp file, runs the editor on it with the terminal, reads it back.
    public static func runEditor(_ text: String) throws -> String {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchboard-draft-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt")
        try FileIO.writeDocument(Data((text + "\n").utf8), to: file, mode: 0o600)
        defer { unlink(file.path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", editor + " \"$1\"", "sh", file.path]
        do { try p.run() } catch {
            throw SwitchboardError(L10n.t("msg.editorStart", ["editor": editor, "error": "\(error)"]))
        }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw SwitchboardError(
                L10n.t("msg.editorStatus", ["editor": editor, "status": "\(p.terminationStatus)"]))
        }
        var out = (try? String(contentsOf: file, encoding: .utf8)) ?? text
        if out.hasSuffix("\n") { out.removeLast() }
        return out
    }
}
