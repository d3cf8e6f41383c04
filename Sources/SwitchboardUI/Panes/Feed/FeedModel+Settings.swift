import Foundation
import SwitchboardCore

extension FeedModel {
    /// The team's mute list or SLA changed (team.json edited while the workbench runs): due times are computed
    /// again and the rows follow the new mute list; selection and filter stay.
    mutating func reconfigure(
        mute: MuteList, slaMinutes: Int, sla: SLA?, own: OwnAccounts, states: [String: MentionState], viewport: Int
    ) {
        (self.mute, self.slaMinutes, self.sla) = (mute, slaMinutes, sla)
        if own != self.own {
            // An own account added or removed in team.json: every row by it changes sides (one test per author).
            self.own = own
            var byHandle: [String: Bool] = [:]
            for i in items.indices {
                let h = items[i].author
                let mine = byHandle[h] ?? own.contains(handle: h)
                byHandle[h] = mine
                items[i].isOwn = mine
            }
        }
        weekly = sla.map(FeedModel.weeklySeconds) ?? 0
        dueCache = []
        let all = 0..<Int32(items.count)
        order = sorted(mute.hidesNothing ? Array(all) : all.filter { !mute.hides(items[Int($0)]) })
        refilter(states, viewport: viewport)
    }
}
