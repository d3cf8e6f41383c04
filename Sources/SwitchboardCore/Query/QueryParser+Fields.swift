import Foundation

extension QueryParser {
    static let isValues = [
        "question", "complaint", "praise", "help", "purchase", "spam", "crisis", "negative", "neutral", "positive",
        "new", "open", "waiting", "answered", "escalated", "ignored", "unassigned", "assigned", "mine", "overdue",
        "own",
    ]

    /// Compiles one `field:value` term; a comma-separated value (`status:new,open`) matches any of them.
    func compile(field: String, value: String, quoted: Bool, at pos: Int, valuePos: Int) throws(QueryError) -> Node {
        guard QueryParser.fields.contains(field) else {
            throw QueryError(
                position: pos, message: L10n.t("err.query.field", ["field": field]),
                hint: QueryError.suggest(field, from: QueryParser.fields).map { "did you mean \($0)?" })
        }
        if value.isEmpty { throw QueryError(position: valuePos, message: L10n.t("err.query.value", ["field": field])) }
        switch field {
        case "age": return try age(value, at: valuePos)
        case "since", "after", "until", "before": return try time(field, value, at: valuePos)
        case "from", "author":
            var v = value.lowercased()
            while v.hasPrefix("@") { v.removeFirst() }
            return .from(v)
        case "role":
            // Every value must be a role people can have (or `vip`): a typo would otherwise match nothing, silently.
            var offset = valuePos
            for raw in value.split(separator: ",", omittingEmptySubsequences: false) {
                defer { offset += raw.count + 1 }
                let v = String(raw)
                if v.lowercased() == "vip" || ContactRole(parsing: v) != nil { continue }
                let names = ContactRole.allCases.map(\.rawValue) + ["vip"]
                throw QueryError(
                    position: offset, message: v.isEmpty ? "expected a value after role:" : "unknown role '\(v)'",
                    hint: QueryError.suggest(v.lowercased(), from: names).map { "did you mean \($0)?" } ?? "roles: "
                        + names.joined(separator: ", "))
            }
            return .role(value.lowercased())
        default: break
        }
        var parts: [Node] = []
        var offset = valuePos
        for raw in (quoted ? [Substring(value)] : value.split(separator: ",", omittingEmptySubsequences: false)) {
            defer { offset += raw.count + 1 }
            let v = raw.lowercased()
            if v.isEmpty { throw QueryError(position: offset, message: L10n.t("err.query.value", ["field": field])) }
            parts.append(try single(field, v, at: offset))
        }
        let node = parts.count == 1 ? parts[0] : .or(parts)
        // `is:` describes mentions that need the team (their intent, mood, triage): the brand's own posts never
        // do, so every `is:` value but `is:own` leaves them out.
        if field == "is", node != .own { return .and([node, .not(.own)]) }
        return node
    }

    func single(_ field: String, _ v: String, at pos: Int) throws(QueryError) -> Node {
        switch field {
        case "is":
            switch v {
            case "question": return .or([.intent(.question), .intent(.help)])
            case "help", "help_request": return .intent(.help)
            case "complaint": return .intent(.complaint)
            case "praise": return .intent(.praise)
            case "purchase", "purchase_interest": return .intent(.purchase)
            case "spam": return .or([.intent(.spam), .status(.spam)])
            case "crisis": return .intent(.crisis)
            case "negative": return .sentiment(.negative)
            case "neutral": return .sentiment(.neutral)
            case "positive": return .sentiment(.positive)
            case "open": return .open
            case "unassigned": return .unassigned
            case "assigned": return .assigned
            case "mine": return .mine
            case "overdue": return .overdue
            case "own", "ours": return .own
            default:
                if let s = MentionStatus(rawValue: v) { return .status(s) }
                throw QueryError(
                    position: pos, message: L10n.t("err.query.is", ["value": v]),
                    hint: QueryError.suggest(v, from: QueryParser.isValues).map { "did you mean is:\($0)?" } ?? "try "
                        + QueryParser.isValues.prefix(8).joined(separator: ", "))
            }
        case "status":
            guard let s = MentionStatus(rawValue: v) else {
                let all = MentionStatus.allCases.map(\.rawValue)
                throw QueryError(
                    position: pos, message: L10n.t("err.query.status", ["value": v]),
                    hint: QueryError.suggest(v, from: all).map { "did you mean \($0)?" } ?? "one of "
                        + all.joined(separator: ", "))
            }
            return .status(s)
        case "net", "platform", "network":
            switch v {
            case "m", "masto": return .net("mastodon")
            case "b", "bsky": return .net("bluesky")
            default: return .net(v)
            }
        case "assignee", "assigned":
            switch v {
            case "me": return .mine
            case "none", "nobody", "-": return .unassigned
            default: return .assignee(v)
            }
        case "lang", "language": return .lang(v)
        case "tag": return .tag(v.hasPrefix("#") ? String(v.dropFirst()) : v)
        case "source": return .source(v)
        default: return .none
        }
    }

    /// `age:<2h` (newer than), `age:>1d` (older than); `age:2h` means `<`.
    func age(_ value: String, at pos: Int) throws(QueryError) -> Node {
        var v = Substring(value)
        var op = "<"
        if v.hasPrefix("<=") || v.hasPrefix(">=") {
            op = String(v.prefix(1))
            v = v.dropFirst(2)
        } else if v.hasPrefix("<") || v.hasPrefix(">") {
            op = String(v.prefix(1))
            v = v.dropFirst()
        }
        let at = pos + (value.count - v.count)
        let shown = "age:" + value.prefix(value.count - v.count)
        guard !v.isEmpty else {
            throw QueryError(position: at, message: L10n.t("err.query.duration", ["field": shown]))
        }
        guard let d = QueryParser.duration(String(v)) else {
            throw QueryError(
                position: at, message: L10n.t("err.query.durationLike", ["field": shown]),
                hint: L10n.t("err.query.notOne", ["value": v]))
        }
        return op == "<" ? .ageBelow(d) : .ageAbove(d)
    }

    /// `since:2026-11-20` (from that day on), `until:2026-11-20` (up to and including that day), or a duration (`since:2h`).
    func time(_ field: String, _ value: String, at pos: Int) throws(QueryError) -> Node {
        let upper = field == "until" || field == "before"
        if let d = QueryParser.duration(value) { return upper ? .ageAbove(d) : .ageBelow(d) }
        guard let day = day(value) else {
            throw QueryError(
                position: pos, message: L10n.t("err.query.date", ["field": field]))
        }
        if field == "until" { return .until(day.addingTimeInterval(0).advanced(by: dayLength(from: day))) }
        if field == "before" { return .until(day) }
        return .since(day)
    }

    func dayLength(from day: Date) -> TimeInterval {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        return (cal.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86400)).timeIntervalSince(day)
    }

    /// Midnight of `YYYY-MM-DD` in the query's time zone (or an ISO 8601 time as given).
    func day(_ s: String) -> Date? {
        let parts = s.split(separator: "-")
        if s.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        {
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = timeZone
            return cal.date(from: DateComponents(year: y, month: m, day: d))
        }
        return s.count > 10 ? Timestamp.parse(s) : nil
    }

    /// `90s`, `30m`, `30min`, `2h`, `3d`, `1w` → seconds.
    static func duration(_ s: String) -> TimeInterval? {
        let t = s.lowercased()
        let digits = t.prefix { $0.isNumber || $0 == "." }
        guard !digits.isEmpty, let n = Double(digits) else { return nil }
        switch t.dropFirst(digits.count) {
        case "s", "sec": return n
        case "m", "min": return n * 60
        case "h", "hr": return n * 3600
        case "d": return n * 86400
        case "w": return n * 7 * 86400
        default: return nil
        }
    }
}
