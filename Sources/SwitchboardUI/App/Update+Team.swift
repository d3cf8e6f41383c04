import Foundation
import SwitchboardCore

extension Update {
    /// Who polls changed: said once in the status line; a workbench that took over polling also publishes the
    /// queue from now on (the process that did both has quit).
    static func sourcesChanged(_ s: inout AppState, _ mode: SourcesMode) -> [Effect] {
        let before = s.chrome.sources
        guard mode != before else { return [] }
        s.chrome.sources = mode
        // The news replaces the error it makes untrue (nobody polls); other errors stay until the next key.
        let prefix = L10n.t("msg.sources") + ": "
        if let m = s.chrome.message, m.isError, m.text.hasPrefix(prefix) { s.chrome.message = nil }
        switch mode {
        case .polling:
            if !s.settings.publishesQueue { s.reconfigure { $0.publishesQueue = true } }
            say(&s, prefix + L10n.t(before == .none ? "msg.sources.polling" : "msg.sources.tookOver"))
        case .listener(let pid):
            say(&s, prefix + L10n.t("msg.sources.listener", ["pid": "\(pid)"]))
        case .none:
            say(&s, prefix + L10n.t("msg.sources.none"), error: true)
        }
        return []
    }

    /// team.json changed and parses: new settings (members, roles, SLA, mute list, schedule, sources) from now on.
    static func teamChanged(_ s: inout AppState, _ team: TeamConfig) -> [Effect] {
        let old = s.settings.team
        let wasBroken = s.settings.teamProblem != nil
        guard team != old || wasBroken else { return [] }
        s.reconfigure { w in
            (w.team, w.teamProblem, w.onDefaults) = (team, nil, false)
            if let tz = team.timezone.flatMap(TimeZone.init(identifier:)) { w.timeZone = tz }
        }
        let what = changes(from: old, to: team)
        // An error shown now was about the old settings (a refused write, a missing member): the news replaces it.
        if s.chrome.message?.isError == true { s.chrome.message = nil }
        say(
            &s,
            L10n.t(wasBroken ? "msg.teamParsesAgain" : "msg.teamChanged")
                + (what.isEmpty ? "" : ": " + what.joined(separator: ", ")) + " — " + L10n.t("msg.applied"))
        // The open mention's author card follows a change of the own accounts or the role settings.
        let card: [Effect] =
            EffectRunner.sameContactSettings(old, team) ? [] : s.shownKey.map { [.loadDetail($0)] } ?? []
        return [.useTeam(team, problem: nil)] + card
    }

    /// team.json stopped parsing: the banner shows where, writes are refused until it parses again.
    static func teamBroken(_ s: inout AppState, _ why: String) -> [Effect] {
        guard s.settings.teamProblem != why else { return [] }
        s.reconfigure { $0.teamProblem = why }
        return [.useTeam(nil, problem: why)]
    }

    /// What a person would notice: members added or removed, a role, the SLA, the sources.
    static func changes(from old: TeamConfig?, to new: TeamConfig) -> [String] {
        var out: [String] = []
        let before = Dictionary((old?.team ?? []).map { ($0.user, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.team.map { ($0.user, $0) }, uniquingKeysWith: { a, _ in a })
        for m in new.team where before[m.user] == nil {
            out.append(L10n.t("msg.memberAdded", ["user": m.user, "role": "\(m.role)"]))
        }
        for m in old?.team ?? [] where after[m.user] == nil {
            out.append(L10n.t("msg.memberRemoved", ["user": m.user]))
        }
        for m in new.team {
            if let b = before[m.user], b.role != m.role {
                out.append(L10n.t("msg.memberRole", ["user": m.user, "role": "\(m.role)"]))
            }
        }
        if old?.sla != new.sla { out.append(L10n.t("msg.slaMinutes", ["minutes": new.sla.firstResponseMinutes])) }
        if old?.sources != new.sources { out.append(L10n.t("msg.sourcesChanged")) }
        return out.map { sanitizeForScreen($0) }
    }
}
