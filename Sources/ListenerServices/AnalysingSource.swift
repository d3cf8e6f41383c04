import Foundation
import Insight
import Listening
import SwitchboardCore

/// Wraps a source so what it brings is analysed before the listener stores it.
public struct AnalysingSource: Source {
    public let inner: Source
    /// Gives the analyser; asked only when a poll brought mentions (its tables take ~12 MB, and a workbench whose
    /// sources bring nothing never needs them).
    private let analyzerOnDemand: @Sendable () -> Analyzer
    public var analyzer: Analyzer { analyzerOnDemand() }

    public init(inner: Source, analyzer: Analyzer) { self.init(inner: inner) { analyzer } }

    /// With an analyser made when first needed (`LazyAnalyzer`).
    public init(inner: Source, analyzer: @escaping @Sendable () -> Analyzer) {
        (self.inner, analyzerOnDemand) = (inner, analyzer)
    }

    public var id: String { inner.id }

    public func poll(cursor: [String: String]) async throws -> PollResult {
        do {
            var r = try await inner.poll(cursor: cursor)
            if !r.mentions.isEmpty { r.mentions = Ingestion.analyse(r.mentions, with: analyzer) }
            return r
        } catch var p as PartialPoll {
            if !p.result.mentions.isEmpty {
                p.result.mentions = Ingestion.analyse(p.result.mentions, with: analyzer)
            }
            throw p
        }
    }
}
