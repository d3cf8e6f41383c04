import Foundation

/// What to do on resume with held items whose time has passed.
public enum ResumePolicy: String, Codable, Hashable, Sendable, CaseIterable {
    /// Post them now (they are due at once).
    case postNow = "post_now"
    /// Move each to its account's next free slot (recorded as `queue_schedule` in the same write).
    case nextSlot = "next_slot"
    /// Keep them held (suspended) until someone schedules them again.
    case keepHolding = "keep_holding"
}
