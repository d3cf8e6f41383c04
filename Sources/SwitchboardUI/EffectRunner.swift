import Foundation
import SwitchboardCore
import Insight

/// Performs effects against the store and the file system and answers with messages. Used by the
/// Runtime and by tests (TestApp), so both run the same code. Main thread only.
public final class EffectRunner {
    public let store: Store
    public let actor: String
    let themeDirs: [URL]
    private var knownCount = 0
    private var knownEvents = 0
    private var matcher: QueryMatcher?
    private var threads = ThreadIndex([])
    /// Called with a loaded theme (the runtime hands it to the terminal).
    public var applyTheme: ((Theme) -> Void)?
    /// Runs around an external program (the editor): give the terminal back, then take it again.
    public var suspendTerminal: (() -> Void)?
    public var resumeTerminal: (() -> Void)?
    /// How the editor is run; tests replace it. Default: `$VISUAL`, else `$EDITOR`, else `vi`, on a temp file.
    public var editor: (String) throws -> String = EffectRunner.runEditor
    /// The time written into claims and outbox entries (tests pin it to their clock).
    public var clock: () -> Date = { Date() }

    public init(store: Store, actor: String, themeDirs: [URL] = []) {
        self.store = store; self.actor = actor; self.themeDirs = themeDirs
    }

    /// Everything in the store, for the first frame.
    public func initialDelta() -> StoreDelta {
        let all = store.mentions
        knownCount = all.count
        threads = ThreadIndex(all)
        let events = store.events
        knownEvents = events.count
        return StoreDelta(newMentions: all, states: store.states(), reloaded: true, spike: SpikeNotice.latest(in: events))
    }

    /// What changed since the last delta (new mentions are found by count, so changes folded in by our own
    /// writes are never missed).
    public func delta(_ changes: StoreChanges = StoreChanges()) -> StoreDelta {
        let all = store.mentions
        let reloaded = changes.reloaded || all.count < knownCount
        let new = reloaded ? all : Array(all[knownCount...])
        if reloaded { threads = ThreadIndex(all) } else if !new.isEmpty { threads.add(new, all: all) }
        knownCount = all.count
        var analysis: [String: Analysis] = [:]
        if !reloaded {
            for k in changes.changedStates { if let a = store.mention(k)?.analysis { analysis[k] = a } }
        }
        let events = store.events
        let newEvents = reloaded || events.count < knownEvents ? events[...] : events[knownEvents...]
        knownEvents = events.count
        return StoreDelta(newMentions: new, states: store.states(), analysis: analysis, reloaded: reloaded,
                          spike: SpikeNotice.latest(in: newEvents))
    }

    public func perform(_ e: Effect) -> [Message] {
        switch e {
        case .record(let actions, let done):
            do {
                try store.record(actions, actor: actor)
                return [.storeChanged(delta()), .recorded(done)]
            } catch {
                return [.failed("could not record: \(error)")]
            }
        case .loadDetail(let key):
            guard let m = store.mention(key) else { return [] }
            let thread = threads.related(m).compactMap { store.mention($0) }.sorted { $0.createdAt < $1.createdAt }.suffix(20)
            return [.detailLoaded(MentionDetail(mention: m, thread: Array(thread)), draft: PanelFiles.loadDraft(store.dir, key: key))]
        case .saveDraft(let key, let text):
            do {
                _ = try PanelFiles.saveDraft(store.dir, key: key, text: text, actor: actor)
                return [.draftSaved(key: key, text: text, path: "drafts/\(key).json")]
            } catch {
                return [.failed("could not save the draft: \(error)")]
            }
        case .openEditor(let key, let text):
            suspendTerminal?()
            defer { resumeTerminal?() }
            do { return [.editorFinished(key: key, text: try editor(text))] } catch {
                return [.editorFinished(key: key, text: nil), .failed("\(error)")]
            }
        case .loadPanels:
            return [.panelsLoaded(PanelFiles.loadQueue(store.dir), PanelFiles.loadCrisis(store.dir))]
        case .loadTheme(let name):
            do {
                let t = try ThemeLoader.load(name, from: themeDirs)
                applyTheme?(t)
                return [.themeLoaded(name)]
            } catch {
                return [.failed("\(error)")]
            }
        case .loadTrends(let now):
            let since = now.addingTimeInterval(-25 * 3600)
            let recent = store.mentions.filter { $0.createdAt >= since }
            return [.trendsLoaded(Trends.rising(mentions: recent, now: now))]
        case .matchFeed(let q, let now, let sla):
            let env = QueryEnvironment(me: actor, now: now, defaultSLAMinutes: sla)
            let m: QueryMatcher
            if let existing = matcher { m = existing; m.environment = env; m.set(q) } else { m = QueryMatcher(q, environment: env); matcher = m }
            return [.feedMatched(q, m.filter(store.mentions, states: store.states()))]
        case .claim(let key, let force):
            do {
                let c = try Triage.claim(store: store, key: key, me: actor, force: force, now: clock())
                return [.storeChanged(delta()), .claimed(key: key, openedAt: c.openedAt, tookOverFrom: c.tookOverFrom)]
            } catch {
                switch error {
                case .heldBy(let user, let since): return [.claimHeld(key: key, user: user, since: since)]
                default: return [.failed("could not claim: \(error)")]
                }
            }
        case .quit:
            return []
        }
    }

    /// Writes the draft to a private temp file, runs the editor on it with the terminal, reads it back.
    public static func runEditor(_ text: String) throws -> String {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-draft-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt")
        try FileIO.writeDocument(Data((text + "\n").utf8), to: file, mode: 0o600)
        defer { unlink(file.path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", editor + " \"$1\"", "sh", file.path]
        do { try p.run() } catch { throw SwitchboardError("cannot start the editor \(editor): \(error)") }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw SwitchboardError("the editor \(editor) exited with status \(p.terminationStatus): draft unchanged") }
        var out = (try? String(contentsOf: file, encoding: .utf8)) ?? text
        if out.hasSuffix("\n") { out.removeLast() }
        return out
    }
}
