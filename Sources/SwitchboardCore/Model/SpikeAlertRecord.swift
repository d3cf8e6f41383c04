import Foundation

/// A spike alert as the actions log records it (`spike_alert`, written by whichever process polls the sources).
/// Stored as `{"type":"spike_alert","data":{…}}`, the same JSON as before the action was typed; keys this version
/// does not know, and known keys of an unexpected type, are kept in `extra` and written back unchanged.
public struct SpikeAlertRecord: Hashable, Sendable {
    public static let typeName = "spike_alert"

    /// `negative` for a spike of negative mentions, else `mentions`.
    public var kind: String?
    public var count: Int?
    public var baseline: Double?
    public var ratio: Double?
    public var message: String?
    /// The playbook offered with the alert, if any.
    public var playbook: String?
    public var extra: [String: JSONValue]

    public init(
        kind: String? = nil, count: Int? = nil, baseline: Double? = nil, ratio: Double? = nil,
        message: String? = nil, playbook: String? = nil, extra: [String: JSONValue] = [:]
    ) {
        (self.kind, self.count, self.baseline, self.ratio, self.message) = (kind, count, baseline, ratio, message)
        (self.playbook, self.extra) = (playbook, extra)
    }

    /// Reads the record's `data` object.
    public init(data: [String: JSONValue]) {
        var rest = data
        func take<T>(_ key: String, _ read: (JSONValue) -> T?) -> T? {
            guard let v = data[key], let t = read(v) else { return nil }
            rest[key] = nil
            return t
        }
        kind = take("kind") { $0.stringValue }
        count = take("count") { v in v.doubleValue.flatMap { $0.rounded() == $0 ? v.intValue : nil } }
        baseline = take("baseline") { $0.doubleValue }
        ratio = take("ratio") { $0.doubleValue }
        message = take("message") { $0.stringValue }
        playbook = take("playbook") { $0.stringValue }
        extra = rest
    }

    /// The record's `data` object, as written to the log.
    public var data: [String: JSONValue] {
        var d = extra
        if let kind { d["kind"] = .string(kind) }
        if let count { d["count"] = .number(Double(count)) }
        if let baseline { d["baseline"] = .number(baseline) }
        if let ratio { d["ratio"] = .number(ratio) }
        if let message { d["message"] = .string(message) }
        if let playbook { d["playbook"] = .string(playbook) }
        return d
    }

    /// `spike alert: <message>` (as the log has always shown it).
    public var summary: String {
        if let message { return L10n.t("log.spikeAlert") + message }
        let d = data
        return Self.typeName + (d.isEmpty ? "" : " " + d.keys.sorted().joined(separator: ","))
    }
}
