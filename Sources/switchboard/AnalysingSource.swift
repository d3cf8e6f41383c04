import Foundation
import Insight
import Listening
import SwitchboardCore

/// Wraps a source so what it brings is analysed before the listener stores it.
struct AnalysingSource: Source {
    let inner: Source
    let analyzer: Analyzer
    var id: String { inner.id }

    func poll(cursor: [String: String]) async throws -> PollResult {
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
