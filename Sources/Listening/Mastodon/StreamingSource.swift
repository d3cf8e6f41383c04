import Foundation
import SwitchboardCore

/// A source that can also push mentions as they happen (the listener keeps polling as the fallback and
/// for the cursor; the store dedupes what arrives both ways).
public protocol StreamingSource: Source {
    /// True when the config asks for streaming.
    var wantsStreaming: Bool { get }
    /// Streams until the connection ends or the task is cancelled, handing over mentions as they arrive.
    func stream(_ deliver: @escaping @Sendable ([Mention]) async -> Void) async throws
}
