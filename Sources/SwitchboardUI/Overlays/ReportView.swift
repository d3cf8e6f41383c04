import Foundation

/// The `:report` view: Core's report text for the last 7 days, scrolled.
public struct ReportView: Sendable, Equatable {
    public var lines: [String]
    public var scroll = 0
    public init(lines: [String]) { self.lines = lines }
}
