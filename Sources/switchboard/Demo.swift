import Foundation
import ListenerServices
import SwitchboardCore

/// `switchboard --demo`: a data directory seeded with the bundled demo mentions (timestamps re-based to now),
/// a replay source that keeps adding mentions from a second bundled set every few seconds, and Mastodon and
/// Bluesky accounts on the demo's own loopback network (Demo+Network).
enum Demo {
    /// `--data-dir` when given, else `$XDG_DATA_HOME/switchboard-demo` (or `~/.local/share/switchboard-demo`);
    /// `switchboard-demo-de` for the German variant (the interface speaks German).
    static func directory(explicit: String?, environment env: [String: String] = ProcessInfo.processInfo.environment)
        -> DataDirectory
    {
        if let e = explicit, !e.isEmpty { return DataDirectory.resolve(explicit: e, environment: env) }
        let base =
            env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return DataDirectory(
            root: URL(fileURLWithPath: base).appendingPathComponent(
                L10n.language == .de ? "switchboard-demo-de" : "switchboard-demo"))
    }

    /// Where the bundled demo files are.
    static func bundled(_ name: String) throws -> URL {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        if let dir = Installation.locate("Switchboard_switchboard.resources", containing: "Demo/" + name)
            ?? Installation.locate("Switchboard_switchboard.resources", containing: "Demo/" + name, extra: [source])
        {
            return dir.appendingPathComponent("Demo").appendingPathComponent(name)
        }
        throw CLIError.failure("the bundled demo data (\(name)) is missing from this installation")
    }

    /// Creates the demo directory, or reuses it when it exists. Returns it.
    @discardableResult
    static func prepare(explicit: String?, now: Date = Date(), log: (String) -> Void = { _ in }) throws -> DataDirectory
    {
        let dir = directory(explicit: explicit)
        if dir.exists { return dir }
        try StarterKit.initialise(dir, brand: "Acme Cloud", user: Actor.current())
        // The demo's own team config and the replay set.
        let team = try FileIO.readDocument(TeamConfig.self, from: try bundled("team.json"))
        try StarterKit.writeJSON(team, to: dir.teamFile)
        try FileIO.writeDocument(
            inLanguage(try Data(contentsOf: try bundled("replay.jsonl"))),
            to: dir.root.appendingPathComponent("replay.jsonl"))
        let seed = ImportFormat.decodeAll(inLanguage(try Data(contentsOf: try bundled("mentions.jsonl"))), now: now)
        let store = try Store(dir: dir)
        // Answerable through the demo's network (Demo+Network): what a connector would have stored.
        try store.ingest(Ingestion.analyse(rebase(withReplyRefs(seed.mentions), to: now), dir: dir), now: now)
        try triageHistory(store, team: team, now: now)
        try seedQueue(store, team: team, now: now)
        try seedCrisisDrill(store, team: team, now: now)
        log(L10n.t("demo.created", ["path": dir.displayPath, "count": store.count]))
        return dir
    }

    /// The demo's JSON Lines for the interface's language: all of them in English; in German a German brand's day,
    /// only the German mentions (`"lang":"de"`).
    static func inLanguage(_ data: Data) -> Data {
        guard L10n.language == .de else { return data }
        let lines = data.split(separator: 10).filter { line in
            String(decoding: line, as: UTF8.self).contains(#""lang":"de""#)
        }
        return Data(lines.joined(separator: [10])) + Data([10])
    }

    /// The team has been at work: what is older than eight hours was triaged by its members at realistic
    /// response times (questions and complaints answered, spam marked, the rest ignored or left open).
    static func triageHistory(_ store: Store, team: TeamConfig, now: Date) throws {
        let agents = team.team.filter { $0.role != "viewer" }.map(\.user)
        guard !agents.isEmpty else { return }
        let brand = Set(
            team.brand.terms.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@#")) })
        for m in store.mentions where now.timeIntervalSince(m.createdAt) > 8 * 3600 {
            let h = Int(m.key.utf8.reduce(UInt32(7)) { $0 &* 31 &+ UInt32($1) } % 1000)
            let handle = (m.author?.handle ?? "").lowercased()
            if brand.contains(where: { handle.hasPrefix($0) }) { continue }  // our own posts
            let intents = Set(m.analysis?.intents ?? [])
            let agent = agents[h % agents.count]
            let status: MentionStatus
            if intents.contains(.spam) {
                status = .spam
            } else if !intents.isDisjoint(with: [.question, .complaint, .help, .purchase]) {
                status = h % 10 == 0 ? .waiting : .answered
            } else {
                status = h % 7 == 0 ? .open : .ignored
            }
            var actions: [Action] = [.assign(mention: m.key, user: agent), .setStatus(mention: m.key, status: status)]
            if status == .waiting {
                actions.append(.note(mention: m.key, text: L10n.t("demo.note.waiting")))
            }
            let at = min(now, m.createdAt.addingTimeInterval(Double(8 + h % 110) * 60))
            try store.record(actions, actor: agent, now: at)
        }
    }

    /// A few posts in the queue, in the next free slots of the posting schedule (published through the demo's
    /// network when they come due).
    static func seedQueue(_ store: Store, team: TeamConfig, now: Date) throws {
        let lead = team.team.first { $0.role == "lead" || $0.role == "manager" }?.user ?? Actor.current()
        let posts: [(String, [String])] = [
            (L10n.t("demo.post.status"), ["masto", "bsky"]),
            (
                "Wie ihr eure Ordner offline verfügbar macht – Schritt für Schritt, mit Screenshots: "
                    + "https://help.acme.example/offline",
                ["masto"]
            ),
            (L10n.t("demo.post.spotlight"), ["bsky"]),
        ]
        for (text, accounts) in posts {
            let d = QueueDraft(text: text, accounts: accounts)
            let item = try Queue.add(d, team: team, store: store, actor: lead, now: now)
            let schedule = PostingSchedule(team: team)
            if let at = try? Queue.current(store).nextFreeSlot(
                after: now.addingTimeInterval(3600), accounts: accounts, schedule: schedule)
            {
                try Queue.schedule(item.id, at: at, store: store, actor: lead, now: now)
            }
        }
    }

    /// The demo's playbooks know the status page, and the team ran a data-leak drill last week (its report is in
    /// `crisis/reports/`).
    static func seedCrisisDrill(_ store: Store, team: TeamConfig, now: Date) throws {
        for f
            in (try? FileManager.default.contentsOfDirectory(
                at: store.dir.playbooksDir, includingPropertiesForKeys: nil)) ?? [] where f.pathExtension == "json"
        {
            guard var p = try? FileIO.readDocument(Playbook.self, from: f) else { continue }
            p.placeholders = (p.placeholders ?? [:]).merging([
                "status_url": "https://status.acme.example", "statement_url": "https://acme.example/security",
            ]) { a, _ in a }
            try StarterKit.writeJSON(p, to: f)
        }
        guard let leak = PlaybookLibrary.load(store.dir).playbooks.first(where: { $0.id == "data-leak" }) else {
            return
        }
        let members = team.team.map(\.user)
        func who(_ role: String) -> String {
            team.team.first { $0.role == role }?.user ?? members.first ?? Actor.current()
        }
        let t0 = now.addingTimeInterval(-6 * 86400 - 5 * 3600)
        let run = try CrisisOps.start(
            leak, severity: leak.severityLevels.first ?? "suspected", drill: true, suspendQueue: false,
            note: L10n.t("demo.drill.note"), team: team,
            store: store, actor: who("lead"), now: t0)
        let plan: [(String, CrisisStepState, String?, String, Double)] = [
            ("legal", .done, nil, who("lead"), 8), ("suspend", .done, L10n.t("demo.drill.suspend"), who("lead"), 9),
            ("holding", .done, nil, who("manager"), 31), ("no-details", .done, nil, who("agent"), 40),
            ("faq", .blocked, L10n.t("demo.drill.faq"), who("manager"), 75),
            ("authority", .skipped, L10n.t("demo.drill.authority"), who("lead"), 80),
        ]
        for (step, state, reason, actor, minutes) in plan {
            try CrisisOps.setStep(
                crisis: run.id, step: step, to: state, reason: reason, store: store, actor: actor,
                now: t0.addingTimeInterval(minutes * 60))
        }
        try CrisisOps.end(
            crisis: run.id,
            summary: L10n.t("demo.drill.summary"),
            store: store, actor: who("lead"), now: t0.addingTimeInterval(90 * 60))
        if let ended = CrisisLog(store: store)[run.id] {
            try CrisisOps.writeReport(ended, store: store, team: team, now: now)
        }
    }

    /// Shifts every mention so the newest is two minutes old, keeping their spacing.
    static func rebase(_ mentions: [Mention], to now: Date) -> [Mention] {
        guard let newest = mentions.map(\.createdAt).max() else { return mentions }
        let shift = now.addingTimeInterval(-120).timeIntervalSince(newest)
        return mentions.map { m in
            var m = m
            m.createdAt = m.createdAt.addingTimeInterval(shift)
            m.fetchedAt = min(now, m.createdAt.addingTimeInterval(30))
            return m
        }
    }
}
