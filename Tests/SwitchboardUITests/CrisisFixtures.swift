import Foundation
import ScreenKit
import SwitchboardCore

@testable import SwitchboardUI

/// A playbook, a team and helpers for the crisis pane tests.
enum CrisisFixtures {
    static let playbook = Playbook(
        id: "outage", name: "Service outage", triggers: .init(negativeSpike: true, keywords: ["outage", "down"]),
        severityLevels: ["minor: one feature", "major: core service down", "critical: down for everyone"],
        steps: [
            .init(
                id: "confirm", title: "Confirm the incident with IT", owner: "lead", due: "10m", kind: .action,
                detail: "Ask what is affected and since when."),
            .init(id: "suspend", title: "Suspend the content queue", owner: "lead", due: "10m", kind: .decision),
            .init(
                id: "holding", title: "Publish the holding statement", owner: "manager", due: "15m",
                kind: .holdingStatement, statement: "outage-en"),
            .init(
                id: "notify-it", title: "Tell IT where people report it", owner: "agent", due: "20m", kind: .notify,
                command: "cat > /dev/null"),
            .init(id: "update", title: "Post an update every hour", owner: "manager", due: "1h", kind: .action),
        ],
        holdingStatements: [
            .init(
                id: "outage-en", lang: "en",
                text: "We know {{service}} is down for many of you. Next update by {{next_update}}."),
            .init(id: "outage-de", lang: "de", text: "Wir wissen, dass {{service}} gerade ausgefallen ist."),
            .init(id: "outage-bsky", network: "bluesky", lang: "en", text: "{{service}} is down; we're on it."),
        ],
        escalation: [
            .init(role: "it", name: "IT on-call", reach: "+49 30 555 0100"),
            .init(role: "pr", name: "Head of Communications", reach: "mobile, then chat"),
        ],
        placeholders: ["service": "Acme Cloud"])

    static let backlash = Playbook(
        id: "backlash", name: "Backlash", triggers: .init(negativeSpike: true, keywords: ["boycott"]),
        severityLevels: ["contained", "spreading"],
        steps: [.init(id: "pause", title: "Pause the queue", owner: "lead", due: "10m", kind: .decision)],
        holdingStatements: [], escalation: [])

    static func json(_ p: Playbook) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try! enc.encode(p), as: UTF8.self)
    }

    /// Two playbooks and a file with a bad step.
    static let files: [String: String] = [
        "playbooks/outage.json": json(playbook),
        "playbooks/backlash.json": json(backlash),
        "playbooks/broken.json":
            #"{"id": "broken", "name": "Broken", "severity_levels": ["x"], "steps": [{"id": "a", "title": "A", "owner": "lead", "due": "soon", "kind": "action"}]}"#,
    ]

    static func team() -> TeamConfig {
        var masto = SourceConfig(id: "masto", type: "mastodon")
        masto.instance = "https://social.example"
        return TeamConfig(
            brand: .init(name: "Acme Cloud", terms: ["acme"]), sources: [masto],
            team: [.init(user: "alice", name: "Alice", role: "lead"), .init(user: "bob", name: "Bob", role: "agent")],
            timezone: "UTC")
    }

    static func app(
        _ mentions: [Mention] = Fixtures.three, size: Size = Size(width: 100, height: 26), user: String = "alice"
    ) throws -> TestApp {
        try TestApp(mentions, size: size, team: team(), files: files, user: user)
    }

    /// Starts a run from another process (as the CLI would), `minutesAgo` before the test clock.
    @discardableResult
    static func start(
        _ app: TestApp, drill: Bool = false, minutesAgo: Double = 25, severity: String? = "2", suspend: Bool = false,
        by: String = "alice"
    ) throws -> CrisisRun {
        let other = try Store(dir: app.dir)
        let run = try CrisisOps.start(
            playbook, severity: severity, drill: drill, suspendQueue: suspend, team: team(), store: other, actor: by,
            now: TestApp.now.addingTimeInterval(-minutesAgo * 60))
        try app.refresh()
        return run
    }

    static func step(
        _ app: TestApp, _ id: String, _ state: CrisisStepState, reason: String? = nil, by: String, minutesAgo: Double
    ) throws {
        try CrisisOps.setStep(
            step: id, to: state, reason: reason, store: try Store(dir: app.dir), actor: by,
            now: TestApp.now.addingTimeInterval(-minutesAgo * 60))
        try app.refresh()
    }

    /// Mentions for the chart: `n` per slot, `neg` of them negative, at the given minutes before now.
    static func burst(_ prefix: String, minutesAgo: Double, n: Int, neg: Int) -> [Mention] {
        (0..<n).map { i in
            mention(
                "\(prefix)\(i)", "the service is down \(i)", author: "u\(prefix)\(i)",
                minutesAgo: minutesAgo + Double(i) * 0.1,
                sentiment: i < neg ? .negative : .neutral)
        }
    }
}
