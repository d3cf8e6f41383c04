import Foundation

/// The delivery ledger of outgoing events (`state/events.jsonl`): per sink, when it started (older events are never
/// sent), which event ids were delivered, failed (with the attempt and the next try) or given up. Appended with one
/// fsynced write per outcome, read again before every pass, so a restart delivers nothing twice.
public struct EventLedger: Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public enum Kind: String, Codable, Sendable { case start, delivered, failed, gaveUp = "gave_up" }
        public var sink: String, kind: Kind, at: Date
        public var id: String?, attempt: Int?, retryAt: Date?, error: String?
        public init(
            sink: String, kind: Kind, at: Date, id: String? = nil, attempt: Int? = nil, retryAt: Date? = nil,
            error: String? = nil
        ) {
            (self.sink, self.kind, self.at, self.id, self.attempt) = (sink, kind, at, id, attempt)
            (self.retryAt, self.error) = (retryAt, error)
        }
        enum CodingKeys: String, CodingKey {
            case sink, kind, at, id, attempt, error
            case retryAt = "retry_at"
        }
    }

    /// What one sink has done.
    public struct SinkState: Sendable {
        public var start: Date?
        public var done = Set<String>()
        public var delivered = 0, gaveUp = 0
        /// Failed ids: attempts so far and when to try again.
        public var failed: [String: (attempts: Int, retryAt: Date)] = [:]
    }

    public let file: URL
    public private(set) var sinks: [String: SinkState] = [:]
    /// Lines that did not decode (a torn last line after a crash is skipped, not fatal).
    public private(set) var badLines = 0

    public init(dir: DataDirectory) throws {
        file = dir.stateDir.appendingPathComponent("events.jsonl")
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        let data = try Data(contentsOf: file)
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .custom { d in
            let s = try d.singleValueContainer().decode(String.self)
            guard let t = Timestamp.parse(s) else {
                throw DecodingError.dataCorrupted(.init(codingPath: d.codingPath, debugDescription: "bad time"))
            }
            return t
        }
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let e = try? dec.decode(Entry.self, from: Data(line)) else { badLines += 1; continue }
            apply(e)
        }
    }

    mutating func apply(_ e: Entry) {
        var s = sinks[e.sink] ?? SinkState()
        switch e.kind {
        case .start: if s.start == nil { s.start = e.at }
        case .delivered, .gaveUp:
            guard let id = e.id, s.done.insert(id).inserted else { break }
            s.failed[id] = nil
            if e.kind == .delivered { s.delivered += 1 } else { s.gaveUp += 1 }
        case .failed:
            guard let id = e.id, !s.done.contains(id) else { break }
            s.failed[id] = (e.attempt ?? 1, e.retryAt ?? e.at)
        }
        sinks[e.sink] = s
    }

    /// Appends `e` (fsynced) and applies it.
    public mutating func record(_ e: Entry) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        enc.dateEncodingStrategy = .custom { d, e in
            var c = e.singleValueContainer()
            try c.encode(Timestamp.format(d))
        }
        try FileIO.makeDirectory(file.deletingLastPathComponent())
        try FileIO.append(Array(try enc.encode(e)) + [UInt8(ascii: "\n")], to: file)
        apply(e)
    }

    /// The events for `sink` to send at `now`, oldest first, each with its attempt number: those since the sink
    /// started that it wants, not delivered or given up, and (after a failure) whose retry time came.
    public func due(
        _ sink: EventSink, actions: [AuditEvent], highPriority: [Mention], brand: String, now: Date,
        mention: (String) -> Mention?
    ) -> [(event: OutgoingEvent, attempt: Int)] {
        let s = sinks[sink.name] ?? SinkState()
        guard let start = s.start else { return [] }
        var out: [(OutgoingEvent, Int)] = []
        func consider(_ id: String, _ make: () -> OutgoingEvent) {
            guard !s.done.contains(id) else { return }
            if let f = s.failed[id] {
                if f.retryAt <= now { out.append((make(), f.attempts + 1)) }
            } else {
                out.append((make(), 1))
            }
        }
        for e in actions where e.at >= start && sink.wants(e.action.typeName) {
            consider(e.id) { OutgoingEvent(e, brand: brand, mention: e.action.mention.flatMap(mention)) }
        }
        if sink.wants(OutgoingEvent.mentionHigh) {
            for m in highPriority where m.fetchedAt >= start {
                consider("mention:" + m.key) { OutgoingEvent(highPriority: m, brand: brand) }
            }
        }
        return out.sorted { ($0.0.at, $0.0.id) < ($1.0.at, $1.0.id) }
    }
}
