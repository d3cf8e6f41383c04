import Foundation

/// What `Report.compute` works out from each mention's text — the folded text (share of voice) and the topic words
/// (`ReportOptions.terms`) — worked out beforehand by a caller that can do it on several threads (the index's
/// report). Indexed like the mentions handed to `compute`; the same values `compute` would work out itself.
public struct ReportPrepared: Sendable {
    public var folded: [[UInt8]]
    public var terms: [[String]]

    public init(folded: [[UInt8]], terms: [[String]]) { (self.folded, self.terms) = (folded, terms) }
}
