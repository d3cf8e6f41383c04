import Foundation

/// `team.json`: the team's shared, human-edited configuration.
public struct TeamConfig: Codable, Hashable, Sendable, SchemaVersioned {
    public static let schemaVersion = 1

    public struct Brand: Codable, Hashable, Sendable {
        public var name: String
        /// Terms that mean the brand (product names, handles, hashtags).
        public var terms: [String]
        public init(name: String, terms: [String]) { (self.name, self.terms) = (name, terms) }
    }

    public struct Competitor: Codable, Hashable, Sendable {
        public var name: String
        public var terms: [String]
        public init(name: String, terms: [String]) { (self.name, self.terms) = (name, terms) }
    }

    public struct Member: Codable, Hashable, Sendable {
        /// Login name (what `$SWITCHBOARD_USER` or the login says).
        public var user: String
        public var name: String
        /// `lead`, `manager`, `agent` or `viewer`; leads and managers may suspend the queue.
        public var role: String
        public var signature: String?
        public init(user: String, name: String, role: String, signature: String? = nil) {
            (self.user, self.name, self.role, self.signature) = (user, name, role, signature)
        }
    }

    public struct SLA: Codable, Hashable, Sendable {
        /// First-response target in minutes.
        public var firstResponseMinutes: Int
        /// Tighter targets by priority band (`high`, `normal`, `low`).
        public var byPriority: [String: Int]?
        /// Business hours like `"Mon-Fri 08:00-18:00"`; absent means around the clock.
        public var businessHours: String?
        public init(firstResponseMinutes: Int, byPriority: [String: Int]? = nil, businessHours: String? = nil) {
            (self.firstResponseMinutes, self.byPriority) = (firstResponseMinutes, byPriority)
            self.businessHours = businessHours
        }
        enum CodingKeys: String, CodingKey {
            case firstResponseMinutes = "first_response_minutes"
            case byPriority = "by_priority"
            case businessHours =
                "business_hours"
        }
    }

    public struct Mute: Codable, Hashable, Sendable {
        public var authors: [String]
        public var terms: [String]
        public init(authors: [String] = [], terms: [String] = []) { (self.authors, self.terms) = (authors, terms) }
    }

    public var schema: Int, brand: Brand, competitors: [Competitor], sources: [SourceConfig], team: [Member]
    public var sla: SLA, sensitiveTerms: [String], crisisTerms: [String]
    public var timezone: String?
    public var mute: Mute?
    public var alertCommand: String?
    /// Everything else in the file (routing rules, spike settings, …), kept as written.
    public var extra: [String: JSONValue]

    public init(
        brand: Brand, competitors: [Competitor] = [], sources: [SourceConfig] = [], team: [Member] = [],
        sla: SLA = SLA(firstResponseMinutes: 60), sensitiveTerms: [String] = [], crisisTerms: [String] = [],
        timezone: String? = nil, mute: Mute? = nil, alertCommand: String? = nil, extra: [String: JSONValue] = [:]
    ) {
        (self.schema, self.brand, self.competitors) = (TeamConfig.schemaVersion, brand, competitors)
        (self.sources, self.team, self.sla, self.sensitiveTerms) = (sources, team, sla, sensitiveTerms)
        (self.crisisTerms, self.timezone, self.mute, self.alertCommand) = (crisisTerms, timezone, mute, alertCommand)
        self.extra = extra
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema = "v", brand, competitors, sources, team, sla, timezone, mute
        case sensitiveTerms = "sensitive_terms", crisisTerms = "crisis_terms", alertCommand = "alert_command"
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.schemaVersion(.schema, supported: TeamConfig.schemaVersion)
        brand = try c.decode(Brand.self, forKey: .brand)
        competitors = try c.decodeIfPresent([Competitor].self, forKey: .competitors) ?? []
        sources = try c.decodeIfPresent([SourceConfig].self, forKey: .sources) ?? []
        team = try c.decodeIfPresent([Member].self, forKey: .team) ?? []
        sla = try c.decodeIfPresent(SLA.self, forKey: .sla) ?? SLA(firstResponseMinutes: 60)
        sensitiveTerms = try c.decodeIfPresent([String].self, forKey: .sensitiveTerms) ?? []
        crisisTerms = try c.decodeIfPresent([String].self, forKey: .crisisTerms) ?? []
        timezone = try c.decodeIfPresent(String.self, forKey: .timezone)
        mute = try c.decodeIfPresent(Mute.self, forKey: .mute)
        alertCommand = try c.decodeIfPresent(String.self, forKey: .alertCommand)
        let all = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        var ex: [String: JSONValue] = [:]
        for k in all.allKeys where !known.contains(k.stringValue) {
            ex[k.stringValue] = try all.decode(JSONValue.self, forKey: k)
        }
        extra = ex
    }

    /// The known fields as written: present ones always, optional ones when set (`extra` follows, sorted).
    private struct Known: Encodable {
        typealias CodingKeys = TeamConfig.CodingKeys
        let schema: Int, brand: Brand, competitors: [Competitor], sources: [SourceConfig], team: [Member], sla: SLA
        let sensitiveTerms: [String], crisisTerms: [String], timezone: String?, mute: Mute?, alertCommand: String?
    }

    public func encode(to encoder: Encoder) throws {
        try Known(
            schema: schema, brand: brand, competitors: competitors, sources: sources, team: team, sla: sla,
            sensitiveTerms: sensitiveTerms, crisisTerms: crisisTerms, timezone: timezone, mute: mute,
            alertCommand: alertCommand
        ).encode(to: encoder)
        var all = encoder.container(keyedBy: AnyKey.self)
        for (k, v) in extra.sorted(by: { $0.key < $1.key }) { try all.encode(v, forKey: AnyKey(stringValue: k)) }
    }

    public func member(_ user: String) -> Member? { team.first { $0.user == user } }
}

/// A saved reply in `templates/NAME.json`.
public struct ReplyTemplate: Codable, Hashable, Sendable, SchemaVersioned {
    public static let schemaVersion = 1
    public var schema: Int
    public var name: String
    public var description: String?
    public var text: String
    public var lang: String?
    public init(name: String, description: String? = nil, text: String, lang: String? = nil) {
        (self.schema, self.name, self.description, self.text, self.lang) = (1, name, description, text, lang)
    }
    enum CodingKeys: String, CodingKey {
        case schema = "v"
        case name, description, text, lang
    }
}
