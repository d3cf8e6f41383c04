import Foundation
import SwitchboardCore

extension FeedModel {
    /// The team's mute list or SLA changed (team.json edited while the workbench runs): due times are computed
    /// again and the rows follow the new mute list; selection and filter stay.
    mutating func reconfigure(
        mute: MuteList, slaMinutes: Int, sla: SLA?, states: [String: MentionState], viewport: Int
    ) {
        (self.mute, self.slaMinutes, self.sla) = (mute, slaMinutes, sla)
        weekly = sla.map(FeedModel.weeklySeconds) ?? 0
        dueCache = []
        let all = 0..<Int32(items.count)
        order = sorted(mute.isEmpty ? Array(all) : all.filter { !mute.hides(items[Int($0)]) })
        refilter(states, viewport: viewport)
    }
}
