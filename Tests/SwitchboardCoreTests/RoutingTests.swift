import Foundation
import XCTest

@testable import SwitchboardCore

final class RoutingTests: XCTestCase {
    let t0 = Timestamp.parse("2026-11-27T10:00:00Z")!

    func team(_ rules: [[String: JSONValue]]) -> TeamConfig {
        var t = TeamConfig(brand: .init(name: "Acme", terms: []))
        t.extra["routing"] = .array(rules.map { .object($0) })
        return t
    }

    /// A temp dir with `save.sh`: saves stdin to `$1/<mention>.json` (and appends it to `$1/all.jsonl`), or fails
    /// with "hook down" while `$1/down` exists.
    func scriptDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("sb-route-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: d.appendingPathComponent("out"), withIntermediateDirectories: true)
        try """
        #!/bin/sh
        if [ -e "$1/down" ]; then echo "hook down" >&2; exit 3; fi
        cat > "$1/$SWITCHBOARD_MENTION.json"
        cat "$1/$SWITCHBOARD_MENTION.json" >> "$1/all.jsonl"
        echo "$SWITCHBOARD_TEAM $SWITCHBOARD_RULE" >> "$1/env.txt"
        """.write(to: d.appendingPathComponent("save.sh"), atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: d) }
        return d
    }

    func billing() -> Mention {
        authored(
            "b1", "mastodon", "anna@social.example", name: "Anna", followers: 800, sentiment: .negative,
            intents: [.complaint],
            url: "https://social.example/@anna/1", text: "Billed \u{1B}[31mtwice\u{1B}[0m this month!")
    }

    func expectedPayload(_ m: Mention, rule: String, team: String) -> String {
        #"{"at":"2026-11-27T10:00:00Z","author":{"followers":800,"handle":"anna@social.example","name":"Anna"},"created_at":"2026-11-20T10:00:00Z","id":"b1","intents":["complaint"],"mention":"\#(m.key)","platform":"mastodon","rule":"\#(rule)","score":-0.6,"sentiment":"negative","tags":["billing"],"team":"\#(team)","text":"Billed twice this month!","url":"https://social.example/@anna/1","v":1}"#
            + "\n"
    }

    func testRuleRunningACommandGetsTheExactPayloadOnStdin() throws {
        let s = try scriptDir()
        let out = s.appendingPathComponent("out")
        let cfg = team([
            [
                "name": .string("billing complaints"), "when": .string("is:complaint tag:billing"),
                "team": .string("support"),
                "command": .string("sh \(s.path)/save.sh \(out.path)"),
            ]
        ])
        let store = try Store(dir: makeTempDir())
        let m = billing()
        try store.ingest([m, authored("q1", "mastodon", "ben@mas.to", sentiment: .negative, intents: [.complaint])])
        try store.record([.tag(mention: m.key, tags: ["billing"])], actor: "anna")
        let router = try Router(store: store, team: cfg)
        let outcomes = router.route(store.mentions, now: t0)
        XCTAssertEqual(
            outcomes,
            [
                RoutingOutcome(
                    mention: m.key, rule: "billing complaints", team: "support", result: .delivered(target: "command"))
            ])
        XCTAssertEqual(
            try String(contentsOf: out.appendingPathComponent(m.key + ".json"), encoding: .utf8),
            expectedPayload(m, rule: "billing complaints", team: "support"))
        XCTAssertEqual(
            try String(contentsOf: out.appendingPathComponent("env.txt"), encoding: .utf8),
            "support billing complaints\n")
        let st = store.state(m.key)
        XCTAssertEqual(st.status, .waiting)
        XCTAssertEqual(st.handoffTeam, "support")
        XCTAssertEqual(
            store.events.suffix(2).map(\.action),
            [
                .handoff(mention: m.key, team: "support", note: "routing rule: billing complaints"),
                .handoffFollowUp(
                    .delivered(mention: m.key, rule: "billing complaints", team: "support", target: "command")),
            ])
        // Again (another listener with the same mentions): nothing is done twice.
        XCTAssertEqual(router.route(store.mentions, now: t0).map(\.result), [.alreadyRouted])
        XCTAssertEqual(readLines(out.appendingPathComponent("all.jsonl")).count, 1)
    }

    func testRuleWritingTheFileWritesExactlyThePayload() throws {
        let dir = makeTempDir()
        let cfg = team([
            [
                "name": .string("billing"), "when": .string("tag:billing"), "team": .string("finance"),
                "dir": .string("handoff/finance"),
            ]
        ])
        let store = try Store(dir: dir)
        let m = billing()
        try store.ingest([m])
        try store.record([.tag(mention: m.key, tags: ["billing"])], actor: "anna")
        let file = dir.root.appendingPathComponent("handoff/finance/\(m.key).json")
        XCTAssertEqual(
            try Router(store: store, team: cfg).route([m], now: t0),
            [RoutingOutcome(mention: m.key, rule: "billing", team: "finance", result: .delivered(target: file.path))])
        XCTAssertEqual(
            try String(contentsOf: file, encoding: .utf8), expectedPayload(m, rule: "billing", team: "finance"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        XCTAssertEqual(leftovers, [m.key + ".json"], "no temp file left behind")
    }

    func testTwoProcessesRouteEachMentionExactlyOnce() throws {
        let s = try scriptDir()
        let out = s.appendingPathComponent("out")
        let dir = makeTempDir()
        let cfg = team([
            [
                "name": .string("complaints"), "when": .string("is:complaint"), "team": .string("support"),
                "command": .string("sh \(s.path)/save.sh \(out.path)"),
            ]
        ])
        let batch = (0..<20).map {
            authored("c\($0)", "mastodon", "u\($0)@x.social", sentiment: .negative, intents: [.complaint])
        }
        try Store(dir: dir).ingest(batch)
        let stores = [try Store(dir: dir), try Store(dir: dir)]
        let routers = try stores.map { try Router(store: $0, team: cfg) }
        DispatchQueue.concurrentPerform(iterations: 2) { i in _ = routers[i].route(batch) }
        let check = try Store(dir: dir)
        let handoffs = check.events.filter {
            if case .handoff = $0.action { return true }
            return false
        }
        XCTAssertEqual(handoffs.count, 20)
        XCTAssertEqual(Set(handoffs.compactMap(\.action.mention)), Set(batch.map(\.key)))
        XCTAssertEqual(readLines(out.appendingPathComponent("all.jsonl")).count, 20, "each payload delivered once")
    }

    func testFailedDeliveryIsRecordedAndRetriedOnce() throws {
        let s = try scriptDir()
        let out = s.appendingPathComponent("out")
        _ = FileManager.default.createFile(atPath: out.appendingPathComponent("down").path, contents: nil)
        let dir = makeTempDir()
        let cfg = team([
            [
                "name": .string("all"), "when": .string("net:mastodon"), "team": .string("pr"),
                "command": .string("sh \(s.path)/save.sh \(out.path)"),
            ]
        ])
        let store = try Store(dir: dir)
        let m = billing()
        try store.ingest([m])
        let router = try Router(store: store, team: cfg)
        XCTAssertEqual(router.route([m], now: t0).map(\.result), [.failed("command exited with status 3: hook down")])
        XCTAssertEqual(
            store.events.last?.action,
            .handoffFollowUp(
                .failed(
                    mention: m.key, rule: "all", team: "pr", error: "command exited with status 3: hook down",
                    attempt: 1)))
        XCTAssertEqual(Router.deliveries(store.events)[m.key + "\u{1F}all"]?.status, .failed)
        XCTAssertEqual(
            router.retryable(onlyDue: true, now: store.events.last!.at.addingTimeInterval(61)).map(\.mention), [m.key],
            "due after a minute")
        XCTAssertTrue(
            router.retryable(onlyDue: true, now: store.events.last!.at.addingTimeInterval(30)).isEmpty, "not before")

        try FileManager.default.removeItem(at: out.appendingPathComponent("down"))
        let other = try Router(store: try Store(dir: dir), team: cfg)
        let results = OutcomeBox()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            results.add((i == 0 ? router : other).retry(onlyDue: false))
        }
        XCTAssertEqual(results.all.map(\.result), [.delivered(target: "command")], "one of the two retries it, once")
        let after = try Store(dir: dir)
        let d = Router.deliveries(after.events)[m.key + "\u{1F}all"]
        XCTAssertEqual(d?.status, .delivered)
        XCTAssertEqual(d?.attempts, 2)
        XCTAssertEqual(readLines(out.appendingPathComponent("all.jsonl")).count, 1)
        XCTAssertEqual(
            try String(contentsOf: out.appendingPathComponent(m.key + ".json"), encoding: .utf8),
            expectedPayload(m, rule: "all", team: "pr").replacingOccurrences(
                of: #""tags":["billing"]"#, with: #""tags":[]"#),
            "the retry delivers the same payload (same time)")
    }

    func testAStartedDeliveryWhoseProcessDiedIsTakenOverAfterTheLease() throws {
        let store = try Store(dir: makeTempDir())
        let m = billing()
        try store.ingest([m])
        try store.record(
            [.handoff(mention: m.key, team: "pr", note: Router.note(rule: "all"))], actor: "switchboard", now: t0)
        let router = try Router(
            store: store,
            team: team([
                ["name": .string("all"), "when": .string("net:mastodon"), "team": .string("pr"), "dir": .string("out")]
            ]))
        XCTAssertTrue(router.retryable(onlyDue: true, now: t0.addingTimeInterval(60)).isEmpty, "still within the lease")
        XCTAssertEqual(router.retryable(onlyDue: true, now: t0.addingTimeInterval(601)).map(\.mention), [m.key])
    }

    func testRuleProblemsNameTheRuleAndTheField() {
        let cfg = team([
            [
                "name": .string("both"), "when": .string("is:complaint"), "team": .string("support"),
                "command": .string("true"), "dir": .string("/tmp/x"),
            ],
            [
                "name": .string("bad query"), "when": .string("is:open stauts:new"), "team": .string("support"),
                "dir": .string("x"),
            ],
            ["when": .string("is:question"), "dir": .string("x"), "comand": .string("x")],
            ["name": .string("both"), "when": .string("is:praise"), "team": .string(""), "command": .string("true")],
        ])
        XCTAssertEqual(
            cfg.routingProblems,
            [
                #"routing rule 1 ("both"): give exactly one of "command" and "dir", not both"#,
                #"routing rule 2 ("bad query"): "when": bad query: unknown field 'stauts' at 8 — did you mean status?"#,
                #"routing rule 3: missing "name""#,
                #"routing rule 3: unknown field "comand" — did you mean "command"?"#,
                #"routing rule 3: missing "team" (the internal team, e.g. "support")"#,
                #"routing rule 4 ("both"): the name "both" is used by an earlier rule"#,
                #"routing rule 4 ("both"): "team" is empty"#,
            ])
        XCTAssertThrowsError(try cfg.routingRules()) { XCTAssertEqual(($0 as? RoutingConfigError)?.problems.count, 7) }
        XCTAssertEqual(team([]).routingProblems, [])
        var notAList = TeamConfig(brand: .init(name: "Acme", terms: []))
        notAList.extra["routing"] = .string("support")
        XCTAssertEqual(notAList.routingProblems.count, 1)
    }

    func testDoctorReportsRoutingProblems() throws {
        let dir = makeTempDir()
        try FileIO.makeDirectory(dir.logDir)
        let cfg = team([["name": .string("x"), "when": .string("is:complaint"), "team": .string("support")]])
        let e = JSONEncoder()
        try FileIO.writeDocument(try e.encode(cfg), to: dir.teamFile)
        let found = Doctor.check(dir).filter { $0.place == "team.json" }.map(\.message)
        XCTAssertEqual(found, [#"routing rule 1 ("x"): missing "command" or "dir" (how the team gets the hand-off)"#])
    }
}

final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [RoutingOutcome] = []
    func add(_ o: [RoutingOutcome]) { lock.withLock { items += o } }
    var all: [RoutingOutcome] { lock.withLock { items } }
}
