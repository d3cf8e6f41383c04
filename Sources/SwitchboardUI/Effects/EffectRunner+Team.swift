import Foundation
import SwitchboardCore

extension EffectRunner {
    /// While team.json does not parse, nothing goes into the shared log (triage, claims, replies, queue, crisis):
    /// those writes would follow settings the team did not mean. Reading, drafts and undoing a send go on.
    func refuseWithoutTeam(_ e: Effect) -> [Message]? {
        guard let why = teamProblem else { return nil }
        let refused = [Message.failed("not saved: \(TeamProblem.short(why)) — fix team.json first")]
        switch e {
        case .record, .claim, .queueReply, .retrySend, .confirmManual: return refused
        case .queue(let op):
            switch op {
            case .check, .checkSchedule: return nil
            default: return refused
            }
        case .crisis(let op):
            return op == .refresh ? nil : [.crisisFailed("not saved: \(TeamProblem.short(why)) — fix team.json first")]
        // Background passes: skipped without a word (the banner says why); due items wait for the fix.
        case .sendDue: return []
        case .publishQueue: return [.queuePublished([])]
        default: return nil
        }
    }

    func useTeam(_ t: TeamConfig?, problem: String?) -> [Message] {
        teamProblem = problem
        guard let t else { return [] }
        team = t
        teamChanged?(t)
        return []
    }
}
