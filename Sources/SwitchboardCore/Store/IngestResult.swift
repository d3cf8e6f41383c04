import Foundation

public struct IngestResult: Sendable, Equatable {
    public var added: [String] = []
    public var duplicates = 0
    /// What this call appended to the mentions log (nil when nothing): handed to a catch-up that follows the
    /// appends (`AppendFeed`), which takes the mentions instead of decoding the lines again.
    public var appended: AppendedMentions?
    public init() {}
}

/// Mentions one `Store.ingest` appended, as they went into the log: the file, where its lines start, the bytes
/// written (a line each, in order) and the mentions they encode (`Mention.readBack` gives each as the line reads back).
public struct AppendedMentions: Sendable, Equatable {
    public let file: URL
    public let offset: Int
    public let bytes: [UInt8]
    public let mentions: [Mention]

    public init(file: URL, offset: Int, bytes: [UInt8], mentions: [Mention]) {
        (self.file, self.offset, self.bytes, self.mentions) = (file, offset, bytes, mentions)
    }
}
