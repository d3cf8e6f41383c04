import Foundation
import Listening
import SwitchboardCore

extension EffectRunner {
    /// The queue as the pane shows it: the agenda (deleted items left out) and the switch.
    public func loadQueue() -> QueueInfo {
        do {
            let q = try Queue.current(store)
            // Published posts stay on the agenda for a day, then leave it (the CLI lists them all).
            let since = clock().addingTimeInterval(-86400)
            let items = q.agenda.filter {
                !$0.deleted && !($0.state == .published && ($0.scheduledAt ?? .distantPast) < since)
            }
            return QueueInfo(items: items, suspension: q.suspension)
        } catch {
            return QueueInfo(error: "\(error)")
        }
    }

    /// The brand's own terms and name words (with and without # and @): not news in the trends.
    func brandTerms() -> [String] { EffectRunner.brandTerms(team: team) }

    static func brandTerms(team: TeamConfig?) -> [String] {
        guard let b = team?.brand else { return [] }
        var out: Set<String> = []
        for t in b.terms + [b.name] + b.name.split(separator: " ").map(String.init) {
            let w = t.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#@ "))
            guard !w.isEmpty else { continue }
            out.formUnion([w, "#" + w, "@" + w])
            for part in w.split(separator: " ") { out.formUnion([String(part), "#" + part]) }
        }
        return out.sorted()
    }

    /// Target accounts of a new post: every enabled Mastodon and Bluesky source (like `switchboard queue add`).
    static func defaultAccounts(_ team: TeamConfig) -> [String] { AccountPicker.publishing(team).map(\.id) }

    func performQueue(_ op: QueueOp) -> [Message] {
        let now = clock()
        guard let team else { return [.failed(L10n.t("msg.queueNoTeam"))] }
        func done(_ text: String) -> [Message] { [.storeChanged(delta()), .recorded(text)] }
        func draft(_ text: String, _ when: QueueWhen, _ picked: [String]?, queue: Queue) throws -> QueueDraft {
            let accounts = picked ?? Self.defaultAccounts(team)
            guard !accounts.isEmpty else { throw QueueError(AccountPicker.noAccount) }
            var d = QueueDraft(text: text, accounts: accounts, createdAt: now)
            switch when {
            case .draft: break
            case .now: d.scheduledAt = now
            case .at(let t): d.scheduledAt = t
            case .nextSlot:
                d.scheduledAt = try queue.nextFreeSlot(
                    after: now, accounts: accounts, schedule: PostingSchedule(team: team))
            }
            return d
        }
        do {
            switch op {
            case .check(let text, let when, let accounts):
                let d = try draft(text, when, accounts, queue: try Queue.current(store))
                let w = Preflight.check(d, Preflight.Context(team: team, store: store, now: now))
                return [
                    .queueChecked(.add(text: text, when: when, accounts: accounts), warnings: w.map(\.description))
                ]
            case .checkSchedule(let id):
                let q = try Queue.current(store)
                var d = try q.resolve(id).draft
                d.scheduledAt = nil
                let w = Preflight.check(d, Preflight.Context(team: team, events: store.events, queue: q, now: now))
                return [.queueChecked(.nextSlot(id: id), warnings: w.map(\.description))]
            case .add(let text, let when, let accounts):
                let d = try draft(text, when, accounts, queue: try Queue.current(store))
                if let shortener = try ShortenerConfig(team) {
                    // The links are shortened off the main loop, then the prepared post is stored (`addPrepared`).
                    let s = LinkShortener(shortener, dataDir: store.dir, http: postHTTP ?? URLSessionHTTPClient())
                    background.start {
                        do {
                            return [.queueChecked(.addPrepared(try await s.prepare(d, team: team)), warnings: [])]
                        } catch {
                            return [.failed(L10n.t("msg.queueNotShortened", ["error": "\(error)"]))]
                        }
                    }
                    return [.recorded(L10n.t("msg.queueShortening"))]
                }
                return performQueue(.addPrepared(d))
            case .addPrepared(let d):
                let i = try Queue.add(d, team: team, store: store, actor: actor, now: now)
                let what =
                    i.scheduledAt.map { L10n.t("msg.scheduledAt", ["time": Format.dateTime($0, timeZone)]) }
                    ?? L10n.t("msg.asDraft")
                let to = i.draft.accounts.joined(separator: ", ")
                return [
                    .storeChanged(delta()),
                    .queueSelect(id: i.id, text: L10n.t("msg.queuedFor", ["accounts": to, "what": what])),
                ]
            case .curate(let key, let accounts):
                guard let m = store.mention(key) ?? mentionFromIndex?(key) else { return [.failed(L10n.t("msg.noMentionKey", ["key": key]))] }
                let handle = m.author.map(\.shown)
                let quote = NetworkText.clean(m.text, max: 200)
                var d = QueueDraft(text: "“\(quote)”", accounts: accounts ?? Self.defaultAccounts(team), createdAt: now)
                d.via = QueueAttribution(handle: handle, url: m.url)
                let i = try Queue.add(d, team: team, store: store, actor: actor, now: now)
                return [
                    .storeChanged(delta()),
                    .queueSelect(
                        id: i.id, text: L10n.t("msg.draftAdded"), edit: i.draft.text),
                ]
            case .edit(let id, let text):
                try Queue.edit(id, text: text, store: store, actor: actor, now: now)
                return done(L10n.t("msg.queueEdited"))
            case .nextSlot(let id):
                let q = try Queue.current(store)
                let i = try q.resolve(id)
                let at = try q.nextFreeSlot(
                    after: now, accounts: i.draft.accounts, schedule: PostingSchedule(team: team), ignoring: id)
                try Queue.schedule(id, at: at, store: store, actor: actor, now: now)
                return done(L10n.t("msg.scheduledAt", ["time": Format.dateTime(at, timeZone)]))
            case .delete(let id):
                try Queue.delete(id, store: store, actor: actor, now: now)
                return done(L10n.t("msg.queueDeleted"))
            case .restore(let id):
                try Queue.restore(id, store: store, actor: actor, now: now)
                return done(L10n.t("msg.queueRestored"))
            case .duplicate(let id):
                let i = try Queue.duplicate(id, team: team, store: store, actor: actor, now: now)
                return [.storeChanged(delta()), .queueSelect(id: i.id, text: L10n.t("msg.duplicated"))]
            case .swap(let a, let b):
                try Queue.swap(a, b, store: store, actor: actor, now: now)
                return done(L10n.t("msg.queueSwapped"))
            case .retry(let id):
                try Queue.retry(id, store: store, actor: actor, now: now)
                return done(L10n.t("msg.queueRetrying"))
            case .suspend(let reason):
                try Queue.suspendAll(reason: reason, team: team, store: store, actor: actor, now: now)
                return done(L10n.t("msg.queueSuspendedNow"))
            case .resume(let policy):
                let moved = try Queue.resumeAll(policy: policy, team: team, store: store, actor: actor, now: now)
                return done(
                    moved.isEmpty
                        ? L10n.t("msg.queueResumed") : L10n.t("msg.queueResumedMoved", ["count": moved.count]))
            }
        } catch {
            return [.storeChanged(delta()), .failed("\(error)")]
        }
    }

    func performPublishQueue() -> [Message] {
        guard let publisherFor = queuePublisherFor else { return [.queuePublished([])] }
        let store = self.store
        let actor = self.actor
        let now = clock()
        let work: @Sendable () async -> [String] = {
            await QueuePublisher.publishDue(store: store, publisherFor: publisherFor, now: now, actor: actor).map { r in
                switch r.outcome {
                case .published: return L10n.t("msg.publishedItem", ["what": r.url ?? r.id])
                default: return L10n.t("msg.publish." + r.outcome.rawValue) + ": " + (r.message ?? r.id)
                }
            }
        }
        background.start { [.queuePublished(await work())] }
        return []
    }
}
