import Foundation
import Insight
import SwitchboardCore

/// What the workbench knows from its start (settings, the team): fixed for the whole session.
public struct AppSettings: Sendable {
    public let timeZone: TimeZone, keymap: Keymap, themes: [String]
    /// The team (roles, brand and time zone for holding statements); nil without team.json.
    public let team: TeamConfig?
    public let dataPath: String, user: String, slaMinutes: Int
    /// Saved views (named queries), for `:view NAME`.
    public let views: [SavedViews.View]
    /// The team member I am (for {{agent}} and the signature).
    public let agent: TeamConfig.Member?
    public let sendDelay: TimeInterval
    /// This workbench publishes due queue items (it runs the sources; else the listener does).
    public let publishesQueue: Bool
    /// The posting schedule (team.json `posting_schedule`), for the week calendar.
    public let postingSchedule: PostingSchedule?
    /// How long a spike alert shows.
    public let spikeCooldown: TimeInterval
    /// Why team.json is not in use (file, line, column) while it does not parse: a banner says so, nothing is saved.
    public let teamProblem: String?
    /// The team is the default (team.json has not parsed since the start).
    public let onDefaults: Bool
    /// team.json's `sync` section when it names a remote: the workbench syncs in the background.
    public let sync: SyncSettings?
    /// The media library's folder (nil: `:attach` takes paths only).
    public let mediaDir: URL?
    /// What these settings were made from (`AppState.reconfigure` changes it and makes new settings).
    let base: WorkbenchSettings

    init(_ s: WorkbenchSettings) {
        (timeZone, keymap, themes, team, dataPath) = (s.timeZone, s.keymap, s.themes, s.team, s.dataPath)
        (user, mediaDir) = (s.user, s.mediaDir)
        slaMinutes = s.team?.sla.firstResponseMinutes ?? 60
        views = s.views
        agent = s.team?.member(s.user)
        sendDelay = AppState.sendDelay(s.team)
        publishesQueue = s.publishesQueue
        postingSchedule = s.team.map { PostingSchedule(team: $0) }
        spikeCooldown = s.team.map { SpikeSettings(team: $0).cooldown } ?? SpikeSettings().cooldown
        (teamProblem, onDefaults, base) = (s.teamProblem, s.onDefaults, s)
        sync = s.team.flatMap { try? SyncSettings(team: $0) }.flatMap { $0.remote == nil ? nil : $0 }
    }
}
