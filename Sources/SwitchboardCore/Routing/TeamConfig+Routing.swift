import Foundation

extension TeamConfig {
    static let routingFields: Set<String> = ["name", "when", "team", "command", "dir", "description"]

    /// The routing rules, validated. Throws `RoutingConfigError` listing every problem (rule and field named);
    /// no rules at all is an empty list.
    public func routingRules() throws(RoutingConfigError) -> [RoutingRule] {
        let (rules, problems) = parseRouting()
        if !problems.isEmpty { throw RoutingConfigError(problems: problems) }
        return rules
    }

    /// Problems with the routing rules (for `doctor`); empty when they are fine or absent.
    public var routingProblems: [String] { parseRouting().problems }

    /// The internal teams named by routing rules, in order, once each (for a hand-off picker).
    public var handoffTeams: [String] {
        var seen = Set<String>()
        return parseRouting().rules.map(\.team).filter { seen.insert($0).inserted }
    }

    func parseRouting() -> (rules: [RoutingRule], problems: [String]) {
        guard let raw = extra["routing"] else { return ([], []) }
        guard case .array(let list) = raw else {
            return (
                [], ["\"routing\" must be a list of rules like {\"name\", \"when\", \"team\", \"command\" or \"dir\"}"]
            )
        }
        let tz = timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        var rules: [RoutingRule] = []
        var problems: [String] = []
        var names = Set<String>()
        for (i, item) in list.enumerated() {
            var label = "routing rule \(i + 1)"
            guard case .object(let o) = item else { problems.append("\(label): must be an object"); continue }
            func text(_ k: String) -> String? {
                guard let v = o[k] else { return nil }
                guard let s = v.stringValue else { problems.append("\(label): \"\(k)\" must be a string"); return nil }
                let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                if t.isEmpty { problems.append("\(label): \"\(k)\" is empty"); return nil }
                return t
            }
            let name = text("name")
            if let name {
                label += " (\"\(name)\")"
            } else if o["name"] == nil {
                problems.append("\(label): missing \"name\"")
            }
            if let name, !names.insert(name).inserted {
                problems.append("\(label): the name \"\(name)\" is used by an earlier rule")
            }
            for k in o.keys.sorted() where !TeamConfig.routingFields.contains(k) {
                let hint =
                    QueryError.suggest(k, from: Array(TeamConfig.routingFields)).map { " — did you mean \"\($0)\"?" }
                    ?? ""
                problems.append("\(label): unknown field \"\(k)\"\(hint)")
            }
            let when = text("when")
            if o["when"] == nil {
                problems.append("\(label): missing \"when\" (a query like \"is:complaint tag:billing\")")
            }
            let team = text("team")
            if o["team"] == nil { problems.append("\(label): missing \"team\" (the internal team, e.g. \"support\")") }
            let command = text("command")
            let dir = text("dir")
            var delivery: RoutingRule.Delivery?
            switch (o["command"] != nil, o["dir"] != nil) {
            case (true, true): problems.append("\(label): give exactly one of \"command\" and \"dir\", not both")
            case (false, false):
                problems.append("\(label): missing \"command\" or \"dir\" (how the team gets the hand-off)")
            default: delivery = command.map(RoutingRule.Delivery.command) ?? dir.map(RoutingRule.Delivery.directory)
            }
            var query: Query?
            if let when {
                do { query = try Query.parse(when, timeZone: tz) } catch {
                    problems.append("\(label): \"when\": bad query: \(error)")
                }
            }
            if let name, let when, let team, let delivery, let query {
                rules.append(RoutingRule(name: name, when: when, team: team, delivery: delivery, query: query))
            }
        }
        return (rules, problems)
    }
}
