import Foundation
import SwitchboardCore

/// A spike alert recorded in the actions log (`spike_alert`, written by whichever process polls the
/// sources); the status bar shows it until the team's cool-down has passed.
public struct SpikeNotice: Sendable, Equatable {
    public var message: String, at: Date
    /// `negative` for a spike of negative mentions, else `mentions` (nil when the record does not say).
    public var kind: String?
    /// The playbook the alert suggests (recorded by the process that raised it), if any.
    public var playbook: String?
    public init(message: String, at: Date, kind: String? = nil, playbook: String? = nil) {
        (self.message, self.at, self.kind, self.playbook) = (message, at, kind, playbook)
    }

    /// The alert an action log record holds, if it is one.
    public init?(_ e: AuditEvent) {
        guard let alert = e.action.spikeAlert else { return nil }
        kind = alert.kind
        playbook = alert.playbook
        if let m = alert.message, !m.isEmpty {
            message = m
        } else {
            let ratio = alert.ratio.map { String(format: "%g", $0) } ?? "?"
            message = L10n.t(
                alert.kind == nil ? "msg.spikeAll" : "msg.spikeKind", ["kind": alert.kind ?? "", "ratio": ratio])
        }
        at = e.at
    }

    /// The newest alert in `events`.
    static func latest<C: BidirectionalCollection>(in events: C) -> SpikeNotice? where C.Element == AuditEvent {
        for e in events.reversed() { if let n = SpikeNotice(e) { return n } }
        return nil
    }

    /// Whether the banner still shows at `now`.
    func isActive(now: Date, cooldown: TimeInterval) -> Bool {
        let age = now.timeIntervalSince(at)
        return age >= -60 && age < cooldown
    }
}
