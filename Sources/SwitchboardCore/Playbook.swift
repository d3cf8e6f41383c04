import Foundation

/// A crisis playbook: `playbooks/NAME.json`, written and edited by people before the storm.
public struct Playbook: Codable, Hashable, Sendable {
    public struct Triggers: Codable, Hashable, Sendable {
        /// Offer this playbook when negative mentions spike.
        public var negativeSpike: Bool?
        /// Offer it when these terms show up.
        public var keywords: [String]?
        public init(negativeSpike: Bool? = nil, keywords: [String]? = nil) { self.negativeSpike = negativeSpike; self.keywords = keywords }
        enum CodingKeys: String, CodingKey { case negativeSpike = "negative_spike", keywords }
    }

    public enum StepKind: String, Codable, Hashable, Sendable, CaseIterable {
        case action, decision, notify
        case holdingStatement = "holding_statement"
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
        public init(id: String, title: String, owner: String, due: String, kind: StepKind, detail: String? = nil, command: String? = nil, statement: String? = nil) {
            self.id = id; self.title = title; self.owner = owner; self.due = due; self.kind = kind
            self.detail = detail; self.command = command; self.statement = statement
        }
    }

    public struct HoldingStatement: Codable, Hashable, Sendable {
        public var id: String
        /// `mastodon`, `bluesky`, or absent for every network.
        public var network: String?
        public var lang: String
        public var text: String
        public init(id: String, network: String? = nil, lang: String, text: String) { self.id = id; self.network = network; self.lang = lang; self.text = text }
    }

    public struct Contact: Codable, Hashable, Sendable {
        /// `legal`, `pr`, `it`, `executive`, …
        public var role: String
        public var name: String
        /// How to reach them: phone, mail, chat handle.
        public var reach: String
        public init(role: String, name: String, reach: String) { self.role = role; self.name = name; self.reach = reach }
    }

    public var schema: Int
    public var id: String
    public var name: String
    public var description: String?
    public var triggers: Triggers?
    public var severityLevels: [String]
    public var steps: [Step]
    public var holdingStatements: [HoldingStatement]
    public var escalation: [Contact]

    public init(id: String, name: String, description: String? = nil, triggers: Triggers? = nil, severityLevels: [String],
                steps: [Step], holdingStatements: [HoldingStatement], escalation: [Contact]) {
        self.schema = 1; self.id = id; self.name = name; self.description = description; self.triggers = triggers
        self.severityLevels = severityLevels; self.steps = steps; self.holdingStatements = holdingStatements; self.escalation = escalation
    }

    enum CodingKeys: String, CodingKey {
        case schema = "v", id, name, description, triggers, steps, escalation
        case severityLevels = "severity_levels", holdingStatements = "holding_statements"
    }

    /// Problems a person must fix, each naming the step and field (`step 3 (notify-it): field "due": "soon" is not a duration`).
    public func validate() -> [String] {
        var problems: [String] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("field \"name\": empty") }
        if steps.isEmpty { problems.append("field \"steps\": a playbook needs at least one step") }
        var ids = Set<String>()
        let statementIDs = Set(holdingStatements.map(\.id))
        for (i, s) in steps.enumerated() {
            let at = "step \(i + 1) (\(s.id))"
            if !ids.insert(s.id).inserted { problems.append("\(at): field \"id\": used twice") }
            if s.title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(at): field \"title\": empty") }
            if SourceConfig.parseDuration(s.due) == nil { problems.append("\(at): field \"due\": \"\(s.due)\" is not a duration like 15m or 2h") }
            if s.kind == .holdingStatement, let st = s.statement, !statementIDs.contains(st) {
                problems.append("\(at): field \"statement\": no holding statement \"\(st)\"")
            }
        }
        for (i, h) in holdingStatements.enumerated() where h.text.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("holding statement \(i + 1) (\(h.id)): field \"text\": empty")
        }
        return problems
    }
}
