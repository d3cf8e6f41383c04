import Foundation

extension Action {
    /// The log's line for a record kept as `.other` that the interface can say in its own language (a post's
    /// metrics, a crisis's reply gate), read from the record's data rather than the English `message` it was
    /// written with; nil for any other type.
    static func otherLine(_ type: String, _ data: [String: JSONValue]) -> String? {
        let event = AuditEvent(
            id: "", at: Date(timeIntervalSince1970: 0), actor: "", action: .other(type: type, mention: nil, data: data))
        if let m = PostMetrics(event: event) {
            return L10n.t("log.metrics", ["queue": m.queue, "account": m.account, "counts": m.line])
        }
        if let g = ReplyGateRecord(event: event) { return L10n.t("log.replyGate", ["line": g.line]) }
        return nil
    }
}
