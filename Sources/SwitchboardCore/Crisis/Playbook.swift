import Foundation

/// A crisis playbook: `playbooks/NAME.json`, written and edited by people before the storm.
public struct Playbook: Codable, Hashable, Sendable, SchemaVersioned {
    public static let schemaVersion = 1
    public struct Triggers: Codable, Hashable, Sendable {
        /// Offer this playbook when negative mentions spike.
        public var negativeSpike: Bool?
        /// Offer it when these terms show up.
        public var keywords: [String]?
        public init(negativeSpike: Bool? = nil, keywords: [String]? = nil) {
            (self.negativeSpike, self.keywords) = (negativeSpike, keywords)
        }
        enum CodingKeys: String, CodingKey {
            case negativeSpike = "negative_spike"
            case keywords
        }
    }

    public enum StepKind: String, Codable, Hashable, Sendable, CaseIterable {
        case action, decision, notify
        case holdingStatement = "holding_statement"
        /// Restricts who may reply to and quote the brand's recent and new posts while the crisis runs (Bluesky
        /// thread and quote gates, Mastodon's quote policy); restored when the crisis ends. See `ReplyGates`.
        case replyControls = "reply_controls"
    }

    public struct Step: Codable, Hashable, Sendable {
        public var id: String
        public var title: String
        /// Team role that owns the step (`lead`, `manager`, `agent`, or an escalation role like `legal`).
        public var owner: String
        /// Due offset from the start, e.g. `15m`, `1h`.
        public var due: String
        public var kind: StepKind
        public var detail: String?
        /// For notify steps: a shell command run with the step's text on stdin (mail, a chat webhook via curl).
        public var command: String?
        /// For holding-statement steps: the statement id to publish.
        public var statement: String?
        /// For reply-controls steps: who may still reply (`nobody`, `mentioned`, `following`; default `mentioned`),
        /// whether quotes stay allowed (default false), and how many days back the brand's posts are gated (default
        /// 7).
        public var replies: String?
        public var quotes: Bool?
        public var days: Int?
        public init(
            id: String, title: String, owner: String, due: String, kind: StepKind, detail: String? = nil,
            command: String? = nil, statement: String? = nil
        ) {
            (self.id, self.title, self.owner, self.due, self.kind, self.detail) = (id, title, owner, due, kind, detail)
            (self.command, self.statement) = (command, statement)
        }
    }

    public struct HoldingStatement: Codable, Hashable, Sendable {
        public var id: String
        /// `mastodon`, `bluesky`, or absent for every network.
        public var network: String?
        public var lang: String
        public var text: String
        public init(id: String, network: String? = nil, lang: String, text: String) {
            (self.id, self.network, self.lang, self.text) = (id, network, lang, text)
        }
    }

    public struct Contact: Codable, Hashable, Sendable {
        /// `legal`, `pr`, `it`, `executive`, …
        public var role: String
        public var name: String
        /// How to reach them: phone, mail, chat handle.
        public var reach: String
        public init(role: String, name: String, reach: String) {
            (self.role, self.name, self.reach) = (role, name, reach)
        }
    }

    public var schema: Int, id: String, name: String
    public var description: String?
    public var triggers: Triggers?
    public var severityLevels: [String], steps: [Step], holdingStatements: [HoldingStatement], escalation: [Contact]
    /// Values for the holding statements' `{{placeholders}}` (`service`, `status_url`, …), kept with the plan.
    public var placeholders: [String: String]?

    public init(
        id: String, name: String, description: String? = nil, triggers: Triggers? = nil, severityLevels: [String],
        steps: [Step], holdingStatements: [HoldingStatement], escalation: [Contact],
        placeholders: [String: String]? = nil
    ) {
        (self.schema, self.id, self.name, self.description, self.triggers) = (1, id, name, description, triggers)
        (self.severityLevels, self.steps, self.holdingStatements) = (severityLevels, steps, holdingStatements)
        (self.escalation, self.placeholders) = (escalation, placeholders)
    }

    enum CodingKeys: String, CodingKey {
        case schema = "v", id, name, description, triggers, steps, escalation, placeholders
        case severityLevels = "severity_levels", holdingStatements = "holding_statements"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.schemaVersion(.schema, supported: Playbook.schemaVersion)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        triggers = try c.decodeIfPresent(Triggers.self, forKey: .triggers)
        severityLevels = try c.decodeIfPresent([String].self, forKey: .severityLevels) ?? []
        steps = try c.decode([Step].self, forKey: .steps)
        holdingStatements = try c.decodeIfPresent([HoldingStatement].self, forKey: .holdingStatements) ?? []
        escalation = try c.decodeIfPresent([Contact].self, forKey: .escalation) ?? []
        placeholders = try c.decodeIfPresent([String: String].self, forKey: .placeholders)
    }
}
