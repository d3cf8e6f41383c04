import Foundation
import Insight
import SwitchboardCore

/// The team's analyser (`Ingestion.analyzer(for:)`), made the first time a source brings mentions and then shared:
/// the workbench and the listener start without loading Insight's tables (docs/performance.md, "Where the
/// workbench's memory goes").
public final class LazyAnalyzer: @unchecked Sendable {
    private let dir: DataDirectory
    private let lock = NSLock()
    private var made: Analyzer?

    public init(_ dir: DataDirectory) { self.dir = dir }

    /// Whether the analyser has been made.
    public var isLoaded: Bool { lock.withLock { made != nil } }

    public func get() -> Analyzer {
        lock.withLock {
            if let made { return made }
            let a = Ingestion.analyzer(for: dir)
            made = a
            return a
        }
    }
}
