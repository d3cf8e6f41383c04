import Foundation
import SwitchboardCore

/// The effects of a workbench that never folds the store (`SWITCHBOARD_WINDOW=bounded`, the default for a large
/// history): triage, claims, replies into the outbox, take-back and undo are written by an `EffectRunner` on a store
/// that keeps no mentions (`Store.Mode.actionsOnly`: it reads the actions only, and folds a mention's state only when a
/// write asks about it); then the index catches up and the
/// window reads the states of its rows, newer mentions and the counts again (`HistoryPaging.reread`,
/// `.windowReread`). The filter is matched by the index (`restart`: its pages, keyset-paged like the unfiltered ones).
/// The content queue (a curated mention read from the index), the crisis pane (its chart and a spike's playbook from
/// the index) and `:sync` work as in a folded workbench. The Mention pane is answered as by
/// `HistoryWindowLoop.readOnly`; what needs every mention in memory (the community pane, moderation, own posts, a
/// thread fetched from its network) is refused with a line that says how to get it (`window.needsStore`); replies
/// are sent by the listener.
public final class BoundedEffects {
    let pager: HistoryPaging
    /// The runner on the store that takes the writes; `wait: false` answers nil while it is still opening.
    private let runner: (_ wait: Bool) throws -> EffectRunner?
    /// The time the counts are read at (tests pin it).
    public var clock: () -> Date = { Date() }
    /// Whether the queue and the crisis pane were read from the actions store (on its first refresh once open).
    private var panelsLoaded = false

    public init(pager: HistoryPaging, runner: @escaping (_ wait: Bool) throws -> EffectRunner?) {
        (self.pager, self.runner) = (pager, runner)
    }

    public func answer(_ e: Effect) -> [Message] {
        switch e {
        case .matchFeed(let q, let now, _):
            do {
                guard let r = try pager.restart(q.isEmpty ? nil : q, now: now) else { break }
                // Their person marks, as for the pages read ahead (`AppState.markPersons`).
                pager.panes?.queue(r.rows.map(\.mention))
                return [.windowMatched(q, r.rows, matches: r.matches)]
            } catch { return [.failed(L10n.t("window.pageFailed", ["error": "\(error)"]))] }
        case .refreshStore:
            // The refresh tick: another process's writes (actions through the store, mentions through the index).
            do {
                guard let runner = try runner(false) else { return reread(nil) }
                let out = reread(runner.delta(try runner.store.refresh()))
                if panelsLoaded { return out }
                // The queue and the crisis pane once the actions are folded (they are made from the actions).
                panelsLoaded = true
                return out + runner.perform(.loadPanels)
            } catch { return [.failed(L10n.t("msg.readingStore", ["error": "\(error)"]))] }
        case .loadPanels:
            guard let runner = try? runner(false) else { break }
            panelsLoaded = true
            return runner.perform(.loadPanels)
        case .record, .claim, .queueReply, .cancelSend, .retrySend, .confirmManual, .saveDraft, .deleteDraft,
            .openEditor, .loadTemplates, .copyToClipboard, .loadTheme, .queue, .crisis, .sync:
            // The content queue and the crisis runs are made from the actions, which this store reads (the crisis
            // chart and a spike's playbook from the index: `EffectRunner.history`); a sync works on the directory.
            let r: EffectRunner
            do {
                guard let opened = try runner(true) else { break }
                r = opened
            } catch { return [.failed(L10n.t("msg.couldNotRecord", ["error": "\(error)"]))] }
            return r.perform(e).flatMap { m -> [Message] in
                if case .storeChanged(let d) = m { return reread(d) }
                return [m]
            }
        case .sendDue:
            // Replies are sent by the listener (this workbench polls nothing): said once, as without a publisher.
            return [.sendFinished([L10n.t("msg.noPublisher")])]
        default: break
        }
        // What still needs every mention in memory is refused with a line that says how to get it.
        let refused = L10n.t("window.readOnly")
        return HistoryWindowLoop.readOnly(pager)(e).map { m in
            if case .failed(let text) = m, text == refused { return .failed(L10n.t("window.needsStore")) }
            return m
        }
    }

    /// The index caught up and read again, with the store's delta of a write (`d`).
    func reread(_ d: StoreDelta?) -> [Message] {
        do {
            guard var r = try pager.reread(now: clock()) else { return [] }
            pager.panes?.queue(r.newer.map(\.mention))
            r.delta = d
            return [.windowReread(r)]
        } catch { return [.failed(L10n.t("window.pageFailed", ["error": "\(error)"]))] }
    }
}
