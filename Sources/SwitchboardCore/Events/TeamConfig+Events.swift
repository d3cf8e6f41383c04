import Foundation

extension TeamConfig {
    static let eventFields: Set<String> = [
        "name", "url", "command", "method", "format", "on", "secret_file", "secret_command", "token_file",
        "token_command", "retry_seconds", "max_attempts", "description",
    ]

    /// The outgoing event sinks, validated. Throws `EventConfigError` listing every problem; none is an empty list.
    public func eventSinks() throws(EventConfigError) -> [EventSink] {
        let (sinks, problems) = parseEvents()
        if !problems.isEmpty { throw EventConfigError(problems: problems) }
        return sinks
    }

    /// Problems with `"events"` (for `doctor`); empty when it is fine or absent.
    public var eventProblems: [String] { parseEvents().problems }

    func parseEvents() -> (sinks: [EventSink], problems: [String]) {
        guard let raw = extra["events"] else { return ([], []) }
        guard case .array(let list) = raw else {
            return ([], ["\"events\" must be a list like [{\"name\": \"chat\", \"url\": \"https://…\"}]"])
        }
        var sinks: [EventSink] = []
        var problems: [String] = []
        var names = Set<String>()
        for (i, item) in list.enumerated() {
            let f = SinkFields(item, label: "event sink \(i + 1)")
            if let sink = f.sink(), !names.insert(sink.name).inserted {
                f.problem("the name \"\(sink.name)\" is used by an earlier sink")
            } else if let sink = f.sink(), f.problems.isEmpty {
                sinks.append(sink)
            }
            problems += f.problems
        }
        return (problems.isEmpty ? sinks : [], problems)
    }
}
