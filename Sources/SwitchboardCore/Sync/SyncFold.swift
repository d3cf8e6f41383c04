import Foundation

/// What a mention's state remembers of the stamped actions folded into it, so that the result does not depend on
/// the order they arrive in (each site reads the others' records later than its own): the winning stamp per field,
/// the latest assignment and the earliest claim.
public struct SyncFold: Codable, Hashable, Sendable {
    /// The stamp that last set each field ("status", "handoff", "last", "tag:NAME").
    public var stamps: [String: LogStamp] = [:]
    /// The latest `assign` by stamp (user nil: unassigned).
    public var assign: Owner?
    /// The earliest claim by stamp: it wins on every site.
    public var claim: Owner?
    /// Claims that came later than the winning one (their people's workbench says so).
    public var lostClaims: [Owner] = []
    /// The status the latest explicit status change set (nil: none yet, `base` holds), and the latest claim: a claim
    /// opens a mention whose status is still new.
    public var status: MentionStatus?
    public var base: MentionStatus = .new
    public var lastClaim: LogStamp?

    public struct Owner: Codable, Hashable, Sendable {
        public var user: String?
        public var stamp: LogStamp
    }

    enum CodingKeys: String, CodingKey {
        case stamps, assign, claim, lostClaims = "lost_claims", status, base, lastClaim = "last_claim"
    }

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stamps = try c.decodeIfPresent([String: LogStamp].self, forKey: .stamps) ?? [:]
        assign = try c.decodeIfPresent(Owner.self, forKey: .assign)
        claim = try c.decodeIfPresent(Owner.self, forKey: .claim)
        lostClaims = try c.decodeIfPresent([Owner].self, forKey: .lostClaims) ?? []
        status = try c.decodeIfPresent(MentionStatus.self, forKey: .status)
        base = try c.decodeIfPresent(MentionStatus.self, forKey: .base) ?? .new
        lastClaim = try c.decodeIfPresent(LogStamp.self, forKey: .lastClaim)
    }

    /// Whether a write stamped `s` to `field` is the latest so far (then it is recorded as such).
    mutating func take(_ field: String, _ s: LogStamp) -> Bool {
        if let t = stamps[field], t > s { return false }
        stamps[field] = s
        return true
    }
}
