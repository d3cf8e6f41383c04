import Foundation
import SwitchboardCore

/// Cool-down memory between checks: when each kind last alerted. A value the caller keeps and passes back.
public struct SpikeState: Sendable, Hashable, Codable {
    public var lastAlert: [String: Date] = [:]
    public init() {}
}
