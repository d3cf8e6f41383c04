import Foundation
import Insight
import Listening
import SwitchboardCore

/// Wraps a source so what it brings is analysed before the listener stores it.
public struct AnalysingSource: Source {
    public let inner: Source
    public let analyzer: Analyzer
    public init(inner: Source, analyzer: Analyzer) { (self.inner, self.analyzer) = (inner, analyzer) }
    public var id: String { inner.id }

    public func poll(cursor: [String: String]) async throws -> PollResult {
        do {
            var r = try await inner.poll(cursor: cursor)
            r.mentions = Ingestion.analyse(r.mentions, with: analyzer)
            return r
        } catch var p as PartialPoll {
            p.result.mentions = Ingestion.analyse(p.result.mentions, with: analyzer)
            throw p
        }
    }
}
