import Foundation

/// Loading the model (`InsightModel.shared`: parsing the lexicons and `learned.tsv`, ~0.3–0.7 s, once per process) on
/// another thread while the command does other work first (`ingest`: opening the store, catching the index up,
/// reading and decoding the import's first block). The first `Analyzer` made waits for the load if it is not done
/// (a Swift global is initialised once, under a lock): the model is the same either way.
extension Analyzer {
    /// Starts loading the model on a thread of its own; returns at once. Calling it again does nothing more.
    public static func preloadModel() {
        Thread.detachNewThread { _ = InsightModel.shared }
    }
}
