import Foundation

/// The state of one checklist step of a crisis run.
public enum CrisisStepState: String, Codable, Hashable, Sendable, CaseIterable {
    case open, done, skipped, blocked
}
