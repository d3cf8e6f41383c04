import Foundation
import SwitchboardCore

/// Instagram lets an account query at most 30 different hashtags in any 7 days. The ledger
/// (`state/instagram-<id>.hashtags.json`) records when each hashtag was first queried in the window, so a source
/// never asks for a 31st: it says which hashtag waits and until when. Shared by every process on the data directory.
public struct HashtagLedger: Sendable {
    public let file: URL
    public var limit = 30
    public var window: TimeInterval = 7 * 86400

    struct Document: Codable {
        var v = 1
        /// Hashtag (lower case, without `#`) → when it was first queried in the current window.
        var used: [String: Date]
    }

    public init(dir: DataDirectory, sourceID: String) {
        file = dir.stateDir.appendingPathComponent("instagram-\(sourceID).hashtags.json")
    }

    /// Records that `tag` is queried now, or throws when 30 others were queried in the last 7 days (a
    /// `.configuration` error naming the date the oldest leaves the window). A hashtag already in the window is free.
    public func use(_ tag: String, now: Date, label: String) throws {
        let t = HashtagLedger.normalize(tag)
        try FileIO.makeDirectory(file.deletingLastPathComponent())
        try FileIO.withLock(file.appendingPathExtension("lock")) {
            var doc = read()
            doc.used = doc.used.filter { now.timeIntervalSince($0.value) < window }
            if doc.used[t] != nil { return }
            guard doc.used.count < limit else {
                let free = (doc.used.values.min() ?? now).addingTimeInterval(window)
                throw SourceError.configuration(
                    "\(label): Instagram allows \(limit) different hashtags in 7 days and this account has queried "
                        + "\(doc.used.count); #\(t) waits until \(Timestamp.format(free))")
            }
            doc.used[t] = now
            let enc = JSONEncoder()
            enc.dateEncodingStrategy = .switchboard
            enc.outputFormatting = [.sortedKeys, .prettyPrinted]
            try FileIO.writeDocument(try enc.encode(doc), to: file)
        }
    }

    /// The hashtags queried in the window ending `now`, oldest first.
    public func used(now: Date) -> [(tag: String, at: Date)] {
        read().used.filter { now.timeIntervalSince($0.value) < window }.map { ($0.key, $0.value) }
            .sorted { $0.1 < $1.1 }
    }

    func read() -> Document {
        guard let d = FileManager.default.contents(atPath: file.path), !d.isEmpty else { return Document(used: [:]) }
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .switchboard
        // A damaged ledger starts over: Instagram still enforces the limit and says so in an error.
        return (try? dec.decode(Document.self, from: d)) ?? Document(used: [:])
    }

    static func normalize(_ tag: String) -> String {
        var t = tag.trimmingCharacters(in: .whitespaces).lowercased()
        while t.hasPrefix("#") { t.removeFirst() }
        return t
    }
}
