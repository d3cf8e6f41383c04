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

    /// The kit of one language as the bundle holds it (`Resources/starter/LANG.json`): the reply templates and the
    /// crisis playbooks, in the order `init` lists them. The playbooks' ids, step ids and kinds are the same in every
    /// language, so reports and scripts work in both.
    struct Kit: Decodable {
        var templates: [ReplyTemplate]
        var playbooks: [Playbook]
    }

    /// The reply templates in `language`.
    public static func templates(_ language: Language) -> [ReplyTemplate] { kit(language).templates }

    /// The crisis playbooks in `language`.
    public static func playbooks(_ language: Language) -> [Playbook] { kit(language).playbooks }

    /// The English templates and playbooks.
    public static var templates: [ReplyTemplate] { templates(.en) }
    public static var playbooks: [Playbook] { playbooks(.en) }

    private static let english = Result { try load(.en) }
    private static let german = Result { try load(.de) }

    static func kit(_ language: Language) -> Kit {
        (try? (language == .de ? german : english).get()) ?? Kit(templates: [], playbooks: [])
    }

    /// Reads `starter/LANG.json` from the resource folder the catalogues come from (`L10n.directory()`).
    static func load(_ language: Language) throws -> Kit {
        guard let dir = L10n.directory() else { throw SwitchboardError(L10n.t("init.noStarterKit")) }
        let file = dir.appendingPathComponent("starter/\(language.rawValue).json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw SwitchboardError(L10n.t("init.noStarterKit"))
        }
        return try FileIO.decodeDocument(Kit.self, from: data, name: file.path)
    }

    /// Creates a new data directory; refuses one that exists and is not empty. Templates and playbooks are written in
    /// `language` (German: `init --lang de`).
    public static func initialise(
        _ dir: DataDirectory, brand: String, user: String, language: Language = L10n.language
    ) throws {
        let fm = FileManager.default
        if let items = try? fm.contentsOfDirectory(atPath: dir.root.path), !items.isEmpty {
            throw SwitchboardError(L10n.t("init.notEmpty", ["path": dir.root.path]))
        }
        let kit = try (language == .de ? german : english).get()
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
        for t in kit.templates { try writeJSON(t, to: dir.templatesDir.appendingPathComponent(t.name + ".json")) }
        for var p in kit.playbooks {
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
