import Foundation

/// What `switchboard init` writes: a team config, two reply templates and three crisis playbooks
/// that a manager can use as they are and adapt.
public enum StarterKit {
    public static func teamConfig(brand: String, user: String) -> TeamConfig {
        let handle = brand.lowercased().filter { $0.isLetter || $0.isNumber }
        var source = SourceConfig(id: "inbox", type: "jsonl")
        source.path = "inbox/"
        var alerts = SourceConfig(id: "alerts", type: "rss")
        (alerts.url, alerts.interval) = ("https://www.google.com/alerts/feeds/REPLACE/WITH-YOUR-FEED", "15m")
        (alerts.enabled, alerts.kind) = (false, "news")
        return TeamConfig(
            brand: .init(name: brand, terms: [brand, "@" + handle, "#" + handle]),
            competitors: [],
            sources: [source, alerts],
            team: [.init(user: user, name: user, role: "lead")],
            sla: .init(
                firstResponseMinutes: 60, byPriority: ["high": 15, "normal": 60, "low": 240], businessHours: nil),
            sensitiveTerms: ["layoffs", "lawsuit", "Entlassungen", "Klage"],
            crisisTerms: [
                "outage", "down", "Ausfall", "Störung", "data leak", "Datenleck", "hacked", "boycott", "Boykott",
            ],
            timezone: TimeZone.current.identifier,
            mute: .init(authors: [], terms: [])
        )
    }

    public static let templates: [ReplyTemplate] = [
        ReplyTemplate(
            name: "thanks",
            description: "Thank someone for kind words, personally",
            text:
                "Thank you so much, {{first_name}}! Posts like yours make our day, and we'll pass it on to the "
                + "team. {{agent}}",
            lang: "en"),
        ReplyTemplate(
            name: "looking-into-it",
            description: "Acknowledge a problem and move it to a private channel",
            text:
                "Hi {{first_name}}, sorry about the trouble. We're looking into it now. Could you send us a direct "
                + "message with your account e-mail so we can check? Ticket {{ticket}}. {{agent}}",
            lang: "en"),
    ]

    public static let playbooks: [Playbook] = [
        Playbook(
            id: "service-outage", name: "Service outage",
            description: "The service is down or badly degraded and customers are noticing in public.",
            triggers: .init(
                negativeSpike: true,
                keywords: ["outage", "down", "Ausfall", "Störung", "502", "not working", "geht nicht"]),
            severityLevels: [
                "minor: one feature degraded", "major: core service down for some", "critical: down for everyone",
            ],
            steps: [
                .init(
                    id: "confirm", title: "Confirm the incident with IT on-call and get an ETA", owner: "lead",
                    due: "10m", kind: .action,
                    detail: "Ask what is affected, since when, and when the next update is due. No guesses in public."),
                .init(
                    id: "suspend", title: "Suspend the content queue", owner: "lead", due: "10m", kind: .decision,
                    detail: "Cheerful scheduled posts during an outage read as tone-deaf."),
                .init(
                    id: "holding", title: "Publish the holding statement", owner: "manager", due: "15m",
                    kind: .holdingStatement, statement: "outage-en"),
                .init(
                    id: "notify-it", title: "Tell IT and support where people are reporting it", owner: "agent",
                    due: "20m", kind: .notify),
                .init(
                    id: "status-page", title: "Pin the status page link in replies", owner: "agent", due: "30m",
                    kind: .action),
                .init(
                    id: "update", title: "Post an update at least every 60 minutes", owner: "manager", due: "1h",
                    kind: .action),
                .init(
                    id: "all-clear", title: "All clear: thank people for their patience, resume the queue",
                    owner: "lead", due: "4h", kind: .decision),
            ],
            holdingStatements: [
                .init(
                    id: "outage-en", lang: "en",
                    text:
                        "We know {{service}} isn't working properly for many of you right now. Our engineers are on "
                        + "it, and we'll post an update here by {{next_update}}. Sorry for the disruption. Status: "
                        + "{{status_url}}"
                ),
                .init(
                    id: "outage-de", lang: "de",
                    text:
                        "Wir wissen, dass {{service}} gerade bei vielen von euch nicht richtig funktioniert. Unser "
                        + "Team arbeitet daran, das nächste Update gibt es hier bis {{next_update}}. Entschuldigt die "
                        + "Störung. Status: {{status_url}}"
                ),
            ],
            escalation: [
                .init(role: "it", name: "IT on-call", reach: "on-call phone in the team wiki"),
                .init(role: "pr", name: "Head of Communications", reach: "mobile, then chat"),
                .init(role: "executive", name: "COO", reach: "via Head of Communications only"),
            ]),
        Playbook(
            id: "backlash", name: "Backlash",
            description: "A post, campaign or decision of ours draws a wave of anger (tone, values, pricing).",
            triggers: .init(negativeSpike: true, keywords: ["boycott", "Boykott", "shame", "unsubscribe", "#boycott"]),
            severityLevels: [
                "contained: our own replies", "spreading: multipliers and media pick it up",
                "critical: mainstream news",
            ],
            steps: [
                .init(
                    id: "pause", title: "Pause the queue and stop replying with templates", owner: "lead", due: "10m",
                    kind: .decision),
                .init(
                    id: "understand", title: "Read the 20 most-shared posts: what exactly are people angry about?",
                    owner: "manager", due: "20m", kind: .action),
                .init(
                    id: "notify-pr", title: "Brief PR and the campaign owner", owner: "lead", due: "30m", kind: .notify),
                .init(
                    id: "decide", title: "Decide: apologise, explain, or correct — and who signs it", owner: "lead",
                    due: "1h", kind: .decision),
                .init(
                    id: "holding", title: "Publish the holding statement", owner: "manager", due: "1h",
                    kind: .holdingStatement, statement: "backlash-en"),
                .init(
                    id: "respond", title: "Answer questions individually, never copy-paste", owner: "agent", due: "2h",
                    kind: .action),
            ],
            holdingStatements: [
                .init(
                    id: "backlash-en", lang: "en",
                    text:
                        "We hear you. We're reading every reply about {{topic}}, and we'll come back with a proper "
                        + "answer by {{next_update}} — not a copy-paste one."
                ),
                .init(
                    id: "backlash-de", lang: "de",
                    text:
                        "Wir lesen mit. Jede Rückmeldung zu {{topic}} kommt bei uns an, und bis {{next_update}} "
                        + "melden wir uns mit einer richtigen Antwort – keiner Floskel."
                ),
            ],
            escalation: [
                .init(role: "pr", name: "Head of Communications", reach: "mobile, then chat"),
                .init(role: "legal", name: "Legal counsel", reach: "legal@ mailbox, urgent line"),
                .init(role: "executive", name: "CEO office", reach: "via Head of Communications only"),
            ]),
        Playbook(
            id: "data-leak", name: "Data leak",
            description: "Customer data may have been exposed. Legal clock: GDPR notification within 72 hours.",
            triggers: .init(
                negativeSpike: true, keywords: ["data leak", "Datenleck", "breach", "hacked", "gehackt", "leaked"]),
            severityLevels: ["suspected", "confirmed, limited", "confirmed, broad"],
            steps: [
                .init(
                    id: "legal", title: "Bring in legal and the data protection officer before any public word",
                    owner: "lead", due: "15m", kind: .notify),
                .init(id: "suspend", title: "Suspend the content queue", owner: "lead", due: "15m", kind: .decision),
                .init(
                    id: "holding", title: "Publish the approved holding statement only", owner: "manager", due: "1h",
                    kind: .holdingStatement, statement: "leak-en"),
                .init(
                    id: "no-details", title: "No details in replies: point to the official statement", owner: "agent",
                    due: "1h", kind: .action),
                .init(
                    id: "faq", title: "Prepare a FAQ with support (what happened, what to do, whom to contact)",
                    owner: "manager", due: "4h", kind: .action),
                .init(
                    id: "authority", title: "Legal confirms the authority notification (GDPR Art. 33, 72 h)",
                    owner: "legal", due: "24h", kind: .decision),
            ],
            holdingStatements: [
                .init(
                    id: "leak-en", lang: "en",
                    text:
                        "We are investigating reports of a security incident affecting {{service}}. We take this "
                        + "extremely seriously. We'll share verified information at {{statement_url}} as soon as we "
                        + "have it and will contact affected customers directly."
                ),
                .init(
                    id: "leak-de", lang: "de",
                    text:
                        "Wir gehen Hinweisen auf einen Sicherheitsvorfall bei {{service}} nach und nehmen das sehr "
                        + "ernst. Gesicherte Informationen veröffentlichen wir unter {{statement_url}}, Betroffene "
                        + "informieren wir direkt."
                ),
            ],
            escalation: [
                .init(role: "legal", name: "Legal counsel", reach: "urgent line"),
                .init(role: "dpo", name: "Data protection officer", reach: "dpo@ mailbox and phone"),
                .init(role: "it", name: "CISO", reach: "security on-call"),
                .init(role: "executive", name: "CEO", reach: "via CISO"),
            ]),
    ]

    /// Creates a new data directory; refuses one that exists and is not empty. Templates and playbooks are written in
    /// `language` (German: `init --lang de`).
    public static func initialise(
        _ dir: DataDirectory, brand: String, user: String, language: Language = L10n.language
    ) throws {
        let fm = FileManager.default
        if let items = try? fm.contentsOfDirectory(atPath: dir.root.path), !items.isEmpty {
            throw SwitchboardError(L10n.t("init.notEmpty", ["path": dir.root.path]))
        }
        try FileIO.makeDirectory(dir.root)
        for d in [
            dir.logDir, dir.templatesDir, dir.playbooksDir, dir.stateDir, dir.inboxDir,
            dir.root.appendingPathComponent("drafts"),
        ] {
            try FileIO.makeDirectory(d)
        }
        try FileIO.makeDirectory(dir.secretsDir, mode: 0o700)
        chmod(dir.secretsDir.path, 0o700)
        try writeJSON(teamConfig(brand: brand, user: user), to: dir.teamFile)
        for t in templates(language) { try writeJSON(t, to: dir.templatesDir.appendingPathComponent(t.name + ".json")) }
        for var p in playbooks(language) {
            // The brand fills {{service}}; the rest ({{status_url}}, {{topic}}, …) is for the team to fill in before the storm.
            p.placeholders = ["service": brand]
            try writeJSON(p, to: dir.playbooksDir.appendingPathComponent(p.id + ".json"))
        }
    }

    public static func writeJSON<T: Encodable>(_ value: T, to file: URL, mode: mode_t = 0o664) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.dateEncodingStrategy = .switchboard
        try FileIO.refuseOverwritingNewer(T.self, at: file)
        var data = try enc.encode(value)
        data.append(10)
        try FileIO.writeDocument(data, to: file, mode: mode)
    }
}
