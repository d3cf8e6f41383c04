import Foundation

extension Playbook {
    /// A due offset as people write it: `15m`, `15 min`, `within 15 min`, `+1h`, `2 hours`, `1h30m`, `1 day`.
    public static func dueOffset(_ text: String) -> TimeInterval? {
        var t = text.lowercased().trimmingCharacters(in: .whitespaces)
        for p in ["within ", "in ", "+"] where t.hasPrefix(p) {
            t = String(t.dropFirst(p.count)).trimmingCharacters(in: .whitespaces)
        }
        if t.isEmpty { return nil }
        if let v = SourceConfig.parseDuration(t), t.last.map({ !$0.isNumber }) ?? false { return v }
        // Number-unit pairs: "1h30m", "1 h 30 min", "2 hours".
        let units: [(names: [String], seconds: Double)] = [
            (["seconds", "second", "secs", "sec", "s"], 1), (["minutes", "minute", "mins", "min", "m"], 60),
            (["hours", "hour", "hrs", "hr", "h", "std", "stunden", "stunde"], 3600),
            (["days", "day", "d", "tage", "tag"], 86400),
        ]
        var rest = Substring(t)
        var total = 0.0
        var matched = false
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            let num = rest.prefix { $0.isNumber || $0 == "." }
            guard !num.isEmpty, let v = Double(num) else { return nil }
            rest = rest.dropFirst(num.count).drop { $0 == " " }
            let word = rest.prefix { $0.isLetter }
            guard let u = units.first(where: { $0.names.contains(String(word)) }) else { return nil }
            total += v * u.seconds
            rest = rest.dropFirst(word.count).drop { $0 == " " || $0 == "," }
            if rest.hasPrefix("and ") { rest = rest.dropFirst(4) }
            matched = true
        }
        return matched ? total : nil
    }

    /// Placeholders a holding statement may use besides the playbook's own `placeholders`: filled from the team config,
    /// the clock and the person publishing.
    public static let builtinPlaceholders = ["brand", "next_update", "time", "date", "agent"]

    /// Problems a person must fix, each naming the step and field (`step 3 (notify-it): field "due": "soon" is not a
    /// duration like 15m or 2h`). Empty when the playbook can be run.
    public func validate() -> [String] {
        var problems: [String] = []
        func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if blank(id) {
            problems.append("field \"id\": empty")
        } else if id.contains(where: { $0 == "/" || $0.isWhitespace }) {
            problems.append("field \"id\": \"\(id)\" must be one word (no spaces or slashes)")
        }
        if blank(name) { problems.append("field \"name\": empty") }
        if severityLevels.isEmpty {
            problems.append(
                "field \"severity_levels\": name at least one level (e.g. \"minor\", \"major\", \"critical\")")
        }
        for (i, l) in severityLevels.enumerated() where blank(l) { problems.append("severity level \(i + 1): empty") }
        if steps.isEmpty { problems.append("field \"steps\": a playbook needs at least one step") }
        /// Names an element (`step 3 (notify-it)`) and checks its id: not empty, not used before (`seen`).
        func label(_ kind: String, _ i: Int, _ id: String, seen: inout Set<String>) -> String {
            let at = "\(kind) \(i + 1) (\(id.isEmpty ? "no id" : id))"
            if blank(id) {
                problems.append("\(at): field \"id\": empty")
            } else if !seen.insert(id).inserted {
                problems.append("\(at): field \"id\": used twice")
            }
            return at
        }
        var ids = Set<String>()
        let statementIDs = Set(holdingStatements.map(\.id))
        for (i, s) in steps.enumerated() {
            let at = label("step", i, s.id, seen: &ids)
            if blank(s.title) { problems.append("\(at): field \"title\": empty") }
            if blank(s.owner) {
                problems.append(
                    "\(at): field \"owner\": empty (a team role like lead, manager, agent, or legal, pr, it)")
            }
            if Playbook.dueOffset(s.due) == nil {
                problems.append(
                    "\(at): field \"due\": \"\(s.due)\" is not a duration like 15m, 2h or \"within 15 min\"")
            }
            switch s.kind {
            case .holdingStatement:
                if let st = s.statement {
                    if !statementIDs.contains(st) {
                        problems.append(
                            "\(at): field \"statement\": no holding statement \"\(st)\" (have: "
                                + "\(statementIDs.sorted().joined(separator: ", ")))"
                        )
                    }
                } else if holdingStatements.isEmpty {
                    problems.append(
                        "\(at): field \"statement\": a holding_statement step needs a holding statement to publish")
                }
            case .notify:
                if let c = s.command, blank(c) {
                    problems.append("\(at): field \"command\": empty (leave it out to record the notification by hand)")
                }
            case .action, .decision:
                if s.command != nil { problems.append("\(at): field \"command\": only notify steps run a command") }
            case .replyControls:
                if let r = s.replies, !ReplyGateRecord.replyRules.contains(r) {
                    problems.append(
                        "\(at): field \"replies\": \"\(r)\" is not one of "
                            + ReplyGateRecord.replyRules.joined(separator: ", "))
                }
                if let d = s.days, !(1...90).contains(d) { problems.append("\(at): field \"days\": 1 to 90") }
            }
        }
        var hsIDs = Set<String>()
        for (i, h) in holdingStatements.enumerated() {
            let at = label("holding statement", i, h.id, seen: &hsIDs)
            if blank(h.text) { problems.append("\(at): field \"text\": empty") }
            if blank(h.lang) { problems.append("\(at): field \"lang\": empty (e.g. \"en\", \"de\")") }
            if let n = h.network, !["mastodon", "bluesky"].contains(n.lowercased()) {
                problems.append(
                    "\(at): field \"network\": \"\(n)\" is not mastodon or bluesky (leave it out for every network)")
            }
            if let n = h.network, let limit = PostLength.limit(n.lowercased()),
                PostLength.count(h.text, n.lowercased()) > limit
            {
                problems.append(
                    "\(at): field \"text\": \(PostLength.count(h.text, n.lowercased())) characters, over \(n)'s "
                        + "\(limit)"
                )
            }
        }
        for (i, c) in escalation.enumerated() {
            let at = "escalation \(i + 1) (\(c.role))"
            if blank(c.role) { problems.append("escalation \(i + 1): field \"role\": empty") }
            if blank(c.name) { problems.append("\(at): field \"name\": empty") }
            if blank(c.reach) {
                problems.append("\(at): field \"reach\": empty (how to reach them: phone, mail, chat)")
            }
        }
        return problems
    }
}
