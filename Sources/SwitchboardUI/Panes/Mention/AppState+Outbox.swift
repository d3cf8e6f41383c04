import Foundation
import SwitchboardCore

extension AppState {
    /// The team's send delay: `team.json` extra `"send_delay"` seconds (0 allowed), default 10.
    static func sendDelay(_ team: TeamConfig?) -> TimeInterval {
        guard let v = team?.extra["send_delay"] else { return 10 }
        if let d = v.doubleValue, d >= 0 { return d }
        if let s = v.stringValue, let d = SourceConfig.parseDuration(s) { return d }
        return 10
    }

    /// The newest mention.outbox entry of a mention, if any.
    public func outboxEntry(_ key: String) -> OutboxEntry? { mention.outbox[key] }

    /// My entries still waiting for their send delay, newest first (`u` takes the first back).
    var myQueued: [OutboxEntry] {
        // A thread whose first part is out cannot be taken back any more.
        mention.outbox.values.filter {
            $0.author == settings.user && $0.state == .queued && !$0.draft.manual && ($0.draft.thread?.part ?? 1) == 1
        }
            .sorted { $0.queuedAt > $1.queuedAt }
    }

    /// Something is counting down or due: the runtime ticks every second while this holds (a colleague's reply
    /// counts down on its feed row too).
    public var needsFastTicks: Bool {
        mention.outbox.values.contains { e in
            guard e.author == settings.user else {
                return e.state == .queued && !e.draft.manual && e.draft.sendAfter > chrome.now
            }
            switch e.state {
            case .queued: return !e.draft.manual
            case .sending: return true
            case .failed(_, let at): return at != nil
            default: return false
            }
        }
    }

    /// Entries of mine that a sender should post now.
    var dueForSending: Bool {
        mention.outbox.values.contains { $0.author == settings.user && $0.isDue(chrome.now) }
    }

    /// The countdown of a reply in its send delay: `sending in 8 s` (the feed row shows it as is).
    func countdown(_ e: OutboxEntry) -> String {
        let left = max(0, Int(e.draft.sendAfter.timeIntervalSince(chrome.now).rounded(.up)))
        return L10n.t("msg.sendingIn", ["seconds": left])
    }

    /// One line on a mention's reply, for the mention pane. `u` is offered only to the one who wrote the reply.
    func outboxLine(_ e: OutboxEntry) -> (String, StyleRoleName) {
        let (line, role) = outboxState(e)
        guard let t = e.draft.thread else { return (line, role) }
        return (L10n.t("mention.threadParts", ["count": t.of]) + ", " + t.label + ": " + line, role)
    }

    private func outboxState(_ e: OutboxEntry) -> (String, StyleRoleName) {
        switch e.state {
        case .queued:
            if e.draft.manual { return (L10n.t("msg.replyByHand"), .warning) }
            if e.author != settings.user {
                return (L10n.t("msg.theirReply", ["user": e.author, "countdown": countdown(e)]), .warning)
            }
            return (L10n.t("msg.countdownUndo", ["countdown": countdown(e)]), .warning)
        case .sending: return (L10n.t("msg.sending"), .warning)
        case .sent(let url, _, _):
            return (L10n.t("msg.sentItem", ["what": url ?? ""]).trimmingCharacters(in: .whitespaces), .positive)
        case .failed(let m, _): return (L10n.t("msg.failedRetry", ["error": m]), .error)
        case .cancelled: return (L10n.t("msg.takenBack"), .dim)
        }
    }
}

/// Roles named here so the outbox lines stay free of ScreenKit (mapped in the renderer).
enum StyleRoleName { case warning, positive, error, dim }
