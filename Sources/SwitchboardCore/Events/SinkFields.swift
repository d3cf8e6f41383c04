import Foundation

/// One entry of `"events"` as it is read: its fields, and the problems found, each prefixed with the sink's label.
final class SinkFields {
    let object: [String: JSONValue]?
    var label: String
    private(set) var problems: [String] = []
    private var parsed: EventSink??

    init(_ value: JSONValue, label: String) {
        (object, self.label) = (value.objectValue, label)
        if object == nil { problem("must be an object") }
    }

    func problem(_ text: String) { problems.append("\(label): \(text)") }

    /// A string field, trimmed; nil (with a problem) when it is not a string or is empty.
    func text(_ k: String) -> String? {
        guard let v = object?[k] else { return nil }
        guard let s = v.stringValue else { problem("\"\(k)\" must be a string"); return nil }
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { problem("\"\(k)\" is empty"); return nil }
        return t
    }

    func number(_ k: String, atLeast low: Double) -> Double? {
        guard let v = object?[k] else { return nil }
        guard case .number(let n) = v, n >= low else { problem("\"\(k)\" must be a number ≥ \(Int(low))"); return nil }
        return n
    }

    /// The sink (read once); nil when a required part is missing or wrong.
    func sink() -> EventSink? {
        if let parsed { return parsed }
        let s = read()
        parsed = .some(s)
        return s
    }

    private func read() -> EventSink? {
        guard let o = object else { return nil }
        let name = text("name")
        if let name { label += " (\"\(name)\")" } else if o["name"] == nil { problem("missing \"name\"") }
        for k in o.keys.sorted() where !TeamConfig.eventFields.contains(k) {
            let hint = QueryError.suggest(k, from: Array(TeamConfig.eventFields)).map { " — did you mean \"\($0)\"?" }
            problem("unknown field \"\(k)\"" + (hint ?? ""))
        }
        let target = readTarget(o)
        var format = EventSink.Format.json
        if let f = text("format") {
            if let v = EventSink.Format(rawValue: f.lowercased()) {
                format = v
            } else {
                let all = EventSink.Format.allCases.map(\.rawValue).joined(separator: ", ")
                problem("\"format\" must be one of \(all), not \"\(f)\"")
            }
        }
        var on = EventSink.defaultTypes
        if let v = o["on"] {
            if case .array(let a) = v, !a.isEmpty, a.allSatisfy({ $0.stringValue?.isEmpty == false }) {
                on = a.compactMap(\.stringValue)
            } else {
                problem("\"on\" must be a list of event types like [\"claim\", \"crisis_*\"]")
            }
        }
        let retry = number("retry_seconds", atLeast: 0) ?? 30
        let attempts = number("max_attempts", atLeast: 1).map { Int(min($0, 1_000_000)) } ?? 12
        guard let name, let target else { return nil }
        return EventSink(
            name: name, target: target, format: format, on: on, secretFile: text("secret_file"),
            secretCommand: text("secret_command"), tokenFile: text("token_file"), tokenCommand: text("token_command"),
            retrySeconds: retry, maxAttempts: attempts)
    }

    private func readTarget(_ o: [String: JSONValue]) -> EventSink.Target? {
        let method = (text("method") ?? "POST").uppercased()
        if !["POST", "PUT"].contains(method) { problem("\"method\" must be POST or PUT") }
        switch (text("url"), text("command")) {
        case (.some, .some): problem("give exactly one of \"url\" and \"command\", not both")
        case (nil, nil):
            if o["url"] == nil && o["command"] == nil {
                problem("missing \"url\" (a webhook) or \"command\" (the event on stdin)")
            }
        case (let u?, nil):
            let url = URL(string: u.replacingOccurrences(of: "{id}", with: "id"))
            if let url, ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil {
                return .webhook(url: u, method: method)
            }
            problem("\"url\" must be an http:// or https:// address, not \"\(u)\"")
        case (nil, let c?): return .command(c)
        }
        return nil
    }
}
