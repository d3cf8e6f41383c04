import Foundation
import SwitchboardCore

extension EffectRunner {
    /// While team.json does not parse, nothing goes into the shared log (triage, claims, replies, queue, crisis):
    /// those writes would follow settings the team did not mean. Reading, drafts and undoing a send go on.
    func refuseWithoutTeam(_ e: Effect) -> [Message]? {
        guard let why = teamProblem else { return nil }
        let refused = [Message.failed(L10n.t("msg.notSavedTeam", ["why": TeamProblem.short(why)]))]
        switch e {
        case .record, .claim, .queueReply, .retrySend, .confirmManual: return refused
        case .queue(let op):
            switch op {
            case .check, .checkSchedule: return nil
            default: return refused
            }
        case .crisis(let op):
            return op == .refresh ? nil : [.crisisFailed(L10n.t("msg.notSavedTeam", ["why": TeamProblem.short(why)]))]
        // Background passes: skipped without a word (the banner says why); due items wait for the fix.
        case .sendDue: return []
        case .publishQueue: return [.queuePublished([])]
        default: return nil
        }
    }

    func useTeam(_ t: TeamConfig?, problem: String?) -> [Message] {
        teamProblem = problem
        guard let t else { return [] }
        let old = team
        team = t
        teamChanged?(t)
        // The contacts fold reads the own accounts, the role thresholds and the competitors: when team.json changed
        // one of them (or whether the user may read private messages), fold again, so the feed's ★/⚑ marks and the
        // author card follow at once.
        let samePrivate = (old?.mayReadPrivate(actor) ?? true) == t.mayReadPrivate(actor)
        guard view.contacts != nil, !Self.sameContactSettings(old, t) || !samePrivate else { return [] }
        view.contacts = Contacts(mentions: readable(store.mentions), events: store.events, team: t)
        var d = StoreDelta(newMentions: [], states: store.states(), reloaded: false)
        d.personMarks = personMarks()
        return [.storeChanged(d)]
    }

    /// Whether two teams fold the contacts alike (own accounts, `contacts` settings, competitors).
    static func sameContactSettings(_ a: TeamConfig?, _ b: TeamConfig?) -> Bool {
        OwnAccounts(team: a) == OwnAccounts(team: b) && ContactSettings(team: a) == ContactSettings(team: b)
            && (a?.competitors ?? []) == (b?.competitors ?? [])
    }
}
