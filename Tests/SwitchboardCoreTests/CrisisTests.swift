import Foundation
import XCTest

@testable import SwitchboardCore

final class CrisisTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T14:13:20Z
    var outage: Playbook { StarterKit.playbooks[0] }

    func store() throws -> Store {
        let dir = makeTempDir("sb-crisis")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        return try Store(dir: dir)
    }

    // MARK: Playbooks

    func testStarterPlaybooksAreValidAndDueOffsetsReadLikePeopleWriteThem() {
        for p in StarterKit.playbooks { XCTAssertEqual(p.validate(), [], p.id) }
        XCTAssertEqual(Playbook.dueOffset("15m"), 900)
        XCTAssertEqual(Playbook.dueOffset("within 15 min"), 900)
        XCTAssertEqual(Playbook.dueOffset("+1h"), 3600)
        XCTAssertEqual(Playbook.dueOffset("1h30m"), 5400)
        XCTAssertEqual(Playbook.dueOffset("2 hours"), 7200)
        XCTAssertEqual(Playbook.dueOffset("1 day"), 86400)
        XCTAssertNil(Playbook.dueOffset("soon"))
        XCTAssertNil(Playbook.dueOffset(""))
        XCTAssertNil(Playbook.dueOffset("15 parsecs"))
    }

    func testValidationErrorsNameTheFileTheStepAndTheField() throws {
        let s = try store()
        try FileIO.makeDirectory(s.dir.playbooksDir)
        func write(_ name: String, _ json: String) throws {
            try Data(json.utf8).write(to: s.dir.playbooksDir.appendingPathComponent(name))
        }
        try write("good.json", String(decoding: try JSONEncoder().encode(outage), as: UTF8.self))
        try write(
            "missing-due.json",
            """
            {"id": "m", "name": "Missing", "severity_levels": ["minor"], "steps": [
              {"id": "a", "title": "First", "owner": "lead", "due": "10m", "kind": "action"},
              {"id": "call-it", "title": "Call IT", "owner": "lead", "kind": "notify"}]}
            """)
        try write(
            "bad-kind.json",
            """
            {"id": "k", "name": "Kind", "severity_levels": ["minor"], "steps": [
              {"id": "x", "title": "X", "owner": "lead", "due": "10m", "kind": "pray"}]}
            """)
        try write(
            "semantic.json",
            """
            {"id": "sem", "name": "Semantic", "severity_levels": [], "steps": [
              {"id": "a", "title": "", "owner": "lead", "due": "soon", "kind": "action"},
              {"id": "a", "title": "Publish", "owner": "", "due": "within 15 min", "kind": "holding_statement", "statement": "nope"}],
             "holding_statements": [{"id": "h1", "lang": "en", "network": "bluesky", "text": "\(String(repeating: "x", count: 301))"}],
             "escalation": [{"role": "legal", "name": "Counsel", "reach": ""}]}
            """)
        try write("syntax.json", "{\"id\": \"s\",\n \"name\": }")
        let lib = PlaybookLibrary.load(s.dir)
        XCTAssertEqual(lib.playbooks.map(\.id), ["service-outage"])
        let problems = lib.problems.map(\.description)
        XCTAssertEqual(
            problems,
            [
                "playbooks/bad-kind.json: step 1 (x): field \"kind\": must be one of action, decision, notify, holding_statement, reply_controls",
                "playbooks/missing-due.json: step 2 (call-it): field \"due\": missing",
                "playbooks/semantic.json: field \"severity_levels\": name at least one level (e.g. \"minor\", \"major\", \"critical\")",
                "playbooks/semantic.json: step 1 (a): field \"title\": empty",
                "playbooks/semantic.json: step 1 (a): field \"due\": \"soon\" is not a duration like 15m, 2h or \"within 15 min\"",
                "playbooks/semantic.json: step 2 (a): field \"id\": used twice",
                "playbooks/semantic.json: step 2 (a): field \"owner\": empty (a team role like lead, manager, agent, or legal, pr, it)",
                "playbooks/semantic.json: step 2 (a): field \"statement\": no holding statement \"nope\" (have: h1)",
                "playbooks/semantic.json: holding statement 1 (h1): field \"text\": 301 characters, over bluesky's 300",
                "playbooks/semantic.json: escalation 1 (legal): field \"reach\": empty (how to reach them: phone, mail, chat)",
                "playbooks/syntax.json: line 2, column 10: "
                    + (problems.last?.components(separatedBy: "column 10: ").last ?? ""),
            ])
        XCTAssertThrowsError(try lib.resolve("semantic")) { XCTAssertTrue("\($0)".contains("cannot be used"), "\($0)") }
        XCTAssertEqual(try lib.resolve("Service").id, "service-outage")
        // Doctor reports the same problems.
        let findings = Doctor.check(s.dir).map(\.description)
        XCTAssertTrue(
            findings.contains("playbooks/missing-due.json: step 2 (call-it): field \"due\": missing"), "\(findings)")
    }

    func testHoldingStatementsFillPlaceholdersAndLeaveUnknownOnesVisible() {
        var p = outage
        p.placeholders = ["service": "Acme Cloud"]
        let team = TeamConfig(brand: .init(name: "Acme", terms: []), timezone: "Europe/Berlin")
        let de = p.statements(lang: "de").first!
        let r = p.render(de, team: team, agent: nil, now: t0)
        XCTAssertEqual(
            r.text,
            "Wir wissen, dass Acme Cloud gerade bei vielen von euch nicht richtig funktioniert. Unser Team arbeitet daran, das nächste Update gibt es hier bis 17:13. Entschuldigt die Störung. Status: {{status_url}}"
        )
        XCTAssertEqual(r.unknown, ["status_url"])
    }

    // MARK: The run

    func testStartStepsEndAndTheStateMachineRules() throws {
        let s = try store()
        let team = queueTeam()
        let run = try CrisisOps.start(
            outage, severity: "major", suspendQueue: true, team: team, store: s, actor: "lea", now: t0)
        XCTAssertEqual(run.id, "20260921-1613-service-outage")
        XCTAssertEqual(run.severity, "major: core service down for some")
        XCTAssertTrue(Queue(store: s).isSuspended)
        XCTAssertEqual(Queue(store: s).suspension?.reason, "crisis: Service outage (20260921-1613-service-outage)")
        XCTAssertEqual(run.steps.map(\.state), Array(repeating: .open, count: 7))
        XCTAssertEqual(run.steps[2].dueAt, t0.addingTimeInterval(900))

        // One crisis at a time: the second start names the first.
        XCTAssertThrowsError(
            try CrisisOps.start(
                StarterKit.playbooks[1], suspendQueue: false, team: team, store: s, actor: "max", now: t0)
        ) {
            XCTAssertEqual(
                "\($0)",
                "a crisis is already active: Service outage (20260921-1613-service-outage), started by lea at 2026-09-21T14:13:20Z — end it first (switchboard crisis end)"
            )
        }
        try CrisisOps.setStep(step: "confirm", to: .done, store: s, actor: "lea", now: t0.addingTimeInterval(300))
        XCTAssertThrowsError(try CrisisOps.setStep(step: "2", to: .skipped, store: s, actor: "lea", now: t0)) {
            XCTAssertTrue("\($0)".contains("say why"))
        }
        try CrisisOps.setStep(
            step: "2", to: .skipped, reason: "suspended at the start", store: s, actor: "lea",
            now: t0.addingTimeInterval(310))
        try CrisisOps.setStep(
            step: "notify", to: .blocked, reason: "IT phone busy", store: s, actor: "ali",
            now: t0.addingTimeInterval(320))
        XCTAssertThrowsError(try CrisisOps.setStep(step: "confirm", to: .done, store: s, actor: "max", now: t0)) {
            XCTAssertEqual("\($0)", "step confirm is already done (by lea at 2026-09-21T14:18:20Z)")
        }
        XCTAssertThrowsError(try CrisisOps.setStep(step: "nope", to: .done, store: s, actor: "max", now: t0)) {
            XCTAssertTrue("\($0)".hasPrefix("no step \"nope\""))
        }
        try CrisisOps.setStep(step: "confirm", to: .open, store: s, actor: "lea", now: t0.addingTimeInterval(330))
        let cur = try XCTUnwrap(CrisisLog(store: s).active)
        XCTAssertEqual(cur.steps.map(\.state), [.open, .skipped, .open, .blocked, .open, .open, .open])
        XCTAssertEqual(cur.step("notify-it")?.reason, "IT phone busy")
        XCTAssertEqual(cur.overdue(t0.addingTimeInterval(25 * 60)).map(\.step.id), ["confirm", "holding", "notify-it"])
        XCTAssertEqual(
            try CrisisOps.setSeverity("3", store: s, actor: "lea", now: t0.addingTimeInterval(400)),
            "critical: down for everyone")

        XCTAssertThrowsError(try CrisisOps.end(summary: "  ", store: s, actor: "lea")) {
            XCTAssertTrue("\($0)".contains("summary"))
        }
        let ended = try CrisisOps.end(
            summary: "DB failover; back after 40 min", store: s, actor: "lea", now: t0.addingTimeInterval(2400))
        XCTAssertEqual(ended.endedBy, "lea")
        XCTAssertNil(CrisisLog(store: s).active)
        XCTAssertTrue(Queue(store: s).isSuspended, "the queue stays suspended until resumed explicitly")
        XCTAssertThrowsError(
            try CrisisOps.setStep(crisis: ended.id, step: "confirm", to: .done, store: s, actor: "lea")
        ) { XCTAssertTrue("\($0)".contains("ended")) }

        // Everything survives a reopen (the fold of the log).
        let again = try XCTUnwrap(CrisisLog(store: try Store(dir: s.dir))[ended.id])
        XCTAssertEqual(again.steps.map(\.state), cur.steps.map(\.state))
        XCTAssertEqual(again.severity, "critical: down for everyone")
        XCTAssertEqual(again.summary, "DB failover; back after 40 min")
    }

    func testAnAgentCannotSuspendTheQueueButCanStartWithoutDrillsTouchNothingAndARealStartEndsADrill() throws {
        let s = try store()
        let team = queueTeam()
        XCTAssertThrowsError(
            try CrisisOps.start(outage, suspendQueue: true, team: team, store: s, actor: "ali", now: t0)
        ) {
            XCTAssertTrue("\($0)".contains("only a lead or manager may suspend"), "\($0)")
        }
        XCTAssertNil(CrisisLog(store: s).current, "nothing written")
        let drill = try CrisisOps.start(
            outage, drill: true, suspendQueue: true, team: team, store: s, actor: "ali", now: t0)
        XCTAssertTrue(drill.drill)
        XCTAssertFalse(Queue(store: s).isSuspended, "a drill suspends nothing")
        XCTAssertNil(Preflight.activeCrisis(s.events, now: t0))
        XCTAssertThrowsError(
            try CrisisOps.start(outage, drill: true, suspendQueue: false, team: team, store: s, actor: "max", now: t0)
        ) {
            XCTAssertTrue("\($0)".hasPrefix("a drill is already running: Service outage"))
        }
        let real = try CrisisOps.start(
            StarterKit.playbooks[2], suspendQueue: false, team: team, store: s, actor: "ali",
            now: t0.addingTimeInterval(60))
        let log = CrisisLog(store: s)
        XCTAssertEqual(log.active?.id, real.id)
        XCTAssertNil(log.activeDrill)
        XCTAssertEqual(log[drill.id]?.summary, "ended: a real crisis started (Data leak)")
    }

    func testTwoPeopleCheckingTheSameStepAtOnceOneWinsTheOtherIsTold() throws {
        let s = try store()
        let team = queueTeam()
        try CrisisOps.start(outage, suspendQueue: false, team: team, store: s, actor: "lea", now: t0)
        // Two processes' stores on the same directory: both saw the step open.
        let a = try Store(dir: s.dir)
        let b = try Store(dir: s.dir)
        let results = ThreadSafeList()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            do {
                try CrisisOps.setStep(
                    step: "confirm", to: .done, expecting: .open, store: i == 0 ? a : b, actor: i == 0 ? "lea" : "max")
                results.append("ok")
            } catch { results.append("\(error)") }
        }
        let r = results.items.sorted()
        XCTAssertEqual(r.filter { $0 == "ok" }.count, 1, "\(r)")
        XCTAssertTrue(
            r.contains { $0.hasPrefix("step confirm was marked done by") && $0.hasSuffix("meanwhile") }, "\(r)")
        _ = try s.refresh()
        XCTAssertEqual(s.events.filter { $0.action.typeName == "crisis_step" }.count, 1)
    }

    func testNotifyRunsTheCommandOnceWithTheStepsTextAndAFailureReopensTheStep() throws {
        var p = outage
        p.steps[3].command = "cat > \"$OUT\""
        let s = try store()
        let team = queueTeam()
        let run = try CrisisOps.start(p, suspendQueue: false, team: team, store: s, actor: "lea", now: t0)
        let out = s.dir.root.appendingPathComponent("notified.txt")
        setenv("OUT", out.path, 1)
        let ok = try CrisisOps.notify(step: "notify-it", byHand: false, store: s, actor: "ali", now: t0)
        XCTAssertTrue(ok.ok)
        let sent = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(
            sent.hasPrefix("[CRISIS] Service outage\nStep: Tell IT and support where people are reporting it\n"), sent)
        XCTAssertTrue(sent.contains("crisis id \(run.id)"))
        XCTAssertEqual(CrisisLog(store: s).active?.step("notify-it")?.state, .done)
        XCTAssertThrowsError(try CrisisOps.notify(step: "notify-it", byHand: false, store: s, actor: "max")) {
            XCTAssertTrue("\($0)".contains("already done"))
        }
        XCTAssertThrowsError(try CrisisOps.notify(step: "confirm", byHand: true, store: s, actor: "max")) {
            XCTAssertTrue("\($0)".contains("not a notify step"))
        }

        // A failing command: the step is open again, with the reason and the command's output kept.
        try CrisisOps.setStep(step: "notify-it", to: .open, store: s, actor: "lea")
        var calls = 0
        let bad = try CrisisOps.notify(
            step: "notify-it", byHand: false, store: s, actor: "ali",
            run: { _, _, _ in
                calls += 1
                return ShellCommand.Result(status: 22, output: "curl: (22) 503\u{1B}[31m", timedOut: false)
            })
        XCTAssertEqual(calls, 1)
        XCTAssertFalse(bad.ok)
        let st = try XCTUnwrap(CrisisLog(store: s).active?.step("notify-it"))
        XCTAssertEqual(st.state, .open)
        XCTAssertEqual(st.reason, "notify command failed (exit status 22)")
        XCTAssertEqual(
            st.notifications.last?.output, "curl: (22) 503",
            "control characters and escape sequences never reach the log")
        // By hand.
        try CrisisOps.notify(step: "notify-it", byHand: true, store: s, actor: "ali")
        XCTAssertEqual(CrisisLog(store: s).active?.step("notify-it")?.notifications.last?.how, "by_hand")
    }

    func testTheHoldingStatementGoesOutWhileTheQueueIsSuspendedAndNothingElseDoes() throws {
        let s = try store()
        let team = queueTeam()
        try Queue.add(
            QueueDraft(
                id: "q-cheer", text: "Happy Friday!", accounts: ["masto"], scheduledAt: t0.addingTimeInterval(60)),
            team: team, store: s, actor: "max", now: t0)
        var p = outage
        p.placeholders = ["service": "Acme Cloud", "status_url": "https://status.acme.example"]
        let run = try CrisisOps.start(p, suspendQueue: true, team: team, store: s, actor: "lea", now: t0)
        let item = try CrisisOps.publishStatement(
            step: "holding", accounts: ["masto", "bsky"], team: team, store: s, actor: "max",
            now: t0.addingTimeInterval(120))
        XCTAssertEqual(item.draft.crisis, run.id)
        XCTAssertTrue(item.draft.text.hasPrefix("We know Acme Cloud isn't working properly"), item.draft.text)
        XCTAssertTrue(item.draft.text.hasSuffix("Status: https://status.acme.example"))
        let q = Queue(store: s)
        XCTAssertEqual(
            q.due(t0.addingTimeInterval(180)).map { "\($0.item.id)→\($0.account)" }.sorted(),
            ["\(item.id)→bsky", "\(item.id)→masto"])
        XCTAssertEqual(q["q-cheer"]?.state, .suspended)
        guard
            case .claimed = try Queue.claim(
                item.id, account: "masto", store: s, holder: "1@h", lease: 60, actor: "switchboard",
                now: t0.addingTimeInterval(180))
        else {
            return XCTFail("the holding statement could not be claimed while suspended")
        }
        guard
            case .suspended = try Queue.claim(
                "q-cheer", account: "masto", store: s, holder: "1@h", lease: 60, actor: "switchboard",
                now: t0.addingTimeInterval(180))
        else {
            return XCTFail("a normal post went out during the crisis")
        }
        XCTAssertEqual(CrisisLog(store: s).active?.step("holding")?.state, .done)
        XCTAssertEqual(CrisisLog(store: s).active?.step("holding")?.reason, "queued as \(item.id)")
    }

    func testCommandsThatIgnoreTheirInputDieOrHangAreReportedNotFatal() throws {
        // A megabyte the command never reads: with a pipe this could end us with SIGPIPE.
        let big = String(repeating: "x", count: 1 << 20)
        let ignored = try ShellCommand.run("true", input: big)
        XCTAssertTrue(ignored.succeeded)
        let echoed = try ShellCommand.run(
            "printf 'ok \\033[31mred\\033]52;c;aGk=\\007 \\342\\200\\256x'; cat >/dev/null; exit 3", input: "hello")
        XCTAssertEqual(echoed.status, 3)
        XCTAssertEqual(echoed.output, "ok red x", "escape sequences, OSC 52 and bidi overrides are removed")
        let killed = try ShellCommand.run("kill -9 $$", input: "")
        XCTAssertEqual(killed.signal, 9)
        XCTAssertFalse(killed.succeeded)
        let slow = try ShellCommand.run("sleep 5", input: "", timeout: 0.3)
        XCTAssertTrue(slow.timedOut)
    }

    func testTheReportCarriesNoControlCharacters() throws {
        let s = try store()
        let run = try CrisisOps.start(outage, suspendQueue: false, team: queueTeam(), store: s, actor: "lea", now: t0)
        _ = try s.record(
            [
                .crisis(
                    .step(
                        crisis: run.id, step: "confirm", state: .blocked,
                        reason: "IT says \u{1B}[2J\u{1B}]8;;http://evil\u{07}hi\u{202E}"))
            ],
            actor: "lea", now: t0.addingTimeInterval(60))
        let r = CrisisReport(run: try XCTUnwrap(CrisisLog(store: s)[run.id]), store: s, now: t0.addingTimeInterval(120))
        let md = r.markdown(timeZone: TimeZone(identifier: "UTC")!)
        XCTAssertTrue(md.contains("blocked: IT says hi"), md)
        XCTAssertFalse(md.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        XCTAssertFalse(String(decoding: try r.json(), as: UTF8.self).contains("\\u001b"))
    }

    func testADrillRunsNoCommand() throws {
        var p = outage
        p.steps[3].command = "exit 1"
        let s = try store()
        try CrisisOps.start(p, drill: true, suspendQueue: false, team: queueTeam(), store: s, actor: "lea", now: t0)
        let r = try CrisisOps.notify(
            step: "notify-it", byHand: false, store: s, actor: "lea",
            run: { _, _, _ in
                XCTFail("ran")
                return .init(status: 0, output: "", timedOut: false)
            })
        XCTAssertEqual(r.message, "drill: notify-it recorded, nothing sent")
        XCTAssertEqual(CrisisLog(store: s).activeDrill?.step("notify-it")?.state, .done)
    }

    func testCrisisRecordsAreFlatJSONAndAnUnreadableOneIsKeptNotLost() throws {
        let s = try store()
        try CrisisOps.start(
            outage, severity: "1", suspendQueue: false, team: queueTeam(), store: s, actor: "lea", now: t0)
        let line = readLines(logFiles(s.dir, .actions)[0])[0]
        let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        XCTAssertEqual(o["type"] as? String, "crisis_start")
        XCTAssertEqual(o["playbook"] as? String, "service-outage")
        XCTAssertEqual((o["plan"] as? [String: Any])?["name"] as? String, "Service outage")
        // A hand-written crisis_step without a state is kept as an unknown record, and the rest still folds.
        let bad =
            #"{"v":1,"id":"x1","at":"2026-09-21T14:20:00Z","actor":"bob","type":"crisis_step","crisis":"20260921-1613-service-outage","step":"confirm"}"#
        try FileIO.append(Array((bad + "\n").utf8), to: logFiles(s.dir, .actions)[0])
        let reopened = try Store(dir: s.dir)
        XCTAssertEqual(reopened.events.count, 2)
        XCTAssertEqual(reopened.events[1].action.typeName, "crisis_step")
        XCTAssertEqual(CrisisLog(store: reopened).active?.step("confirm")?.state, .open)
    }
}
