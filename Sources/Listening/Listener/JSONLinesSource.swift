import Foundation
import SwitchboardCore

/// Mentions from JSON Lines in the import format (`ImportFormat`): a single file that grows, or a drop
/// directory of `*.jsonl` files.
///
/// Config: `{"id": "drop", "type": "jsonl", "path": "inbox/"}` (relative to the data directory, or absolute).
///
/// - A file: the cursor keeps the byte offset of the last complete line read; the file stays where it is
///   and may be appended to (a file that shrank is read again from the start).
/// - A directory: every `*.jsonl` file is read whole. A file is moved to `done/` inside the directory on
///   the poll after the one that imported it, i.e. once the listener has saved the cursor, which it does
///   only after the mentions are durably stored: a crash never loses a dropped file's mentions.
///   Writers should write `NAME.tmp` and rename it to `NAME.jsonl` when complete.
///   Lines that do not decode are listed in `done/NAME.jsonl.rejects` with line number and reason.
public struct JSONLinesSource: Source {
    public let id: String
    public let config: SourceConfig
    let dataDir: URL
    let now: @Sendable () -> Date

    public init(config: SourceConfig, dataDir: URL, now: @escaping @Sendable () -> Date = { Date() }) {
        (self.id, self.config, self.dataDir, self.now) = (config.id, config, dataDir, now)
    }

    public init(config: SourceConfig, dataDir: DataDirectory) { self.init(config: config, dataDir: dataDir.root) }

    var location: URL? {
        guard let p = config.path?.trimmingCharacters(in: .whitespaces), !p.isEmpty else { return nil }
        return p.hasPrefix("/") ? URL(fileURLWithPath: p) : dataDir.appendingPathComponent(p)
    }

    public func poll(cursor: [String: String]) async throws -> PollResult {
        guard let loc = location else {
            throw SourceError.configuration("source \(id): a jsonl source needs a \"path\"")
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: loc.path, isDirectory: &isDir) else {
            if config.path?.hasSuffix("/") == true {
                try? FileManager.default.createDirectory(at: loc, withIntermediateDirectories: true)
                return PollResult(mentions: [], cursor: [:])
            }
            throw SourceError.configuration("source \(id): \(loc.path) does not exist")
        }
        return isDir.boolValue ? try pollDirectory(loc, cursor: cursor) : try pollFile(loc, cursor: cursor)
    }

    func stamp(_ ms: [Mention]) -> [Mention] {
        ms.map { m in
            var m = m
            if m.source == nil { m.source = id }
            return m
        }
    }

    func pollFile(_ url: URL, cursor: [String: String]) throws -> PollResult {
        guard let h = try? FileHandle(forReadingFrom: url) else {
            throw SourceError.configuration("source \(id): cannot read \(url.path)")
        }
        defer { try? h.close() }
        let size = (try? h.seekToEnd()) ?? 0
        var offset = UInt64(cursor["offset"] ?? "0") ?? 0
        if offset > size { offset = 0 }
        try? h.seek(toOffset: offset)
        let data = (try? h.readToEnd()) ?? Data()
        guard let lastNewline = data.lastIndex(of: 10) else { return PollResult(mentions: [], cursor: cursor) }
        let complete = data[data.startIndex...lastNewline]
        let (mentions, _) = ImportFormat.decodeAll(Data(complete), now: now())
        var next = cursor
        next["offset"] = String(offset + UInt64(complete.count))
        return PollResult(mentions: stamp(mentions), cursor: next)
    }

    func pollDirectory(_ dir: URL, cursor: [String: String]) throws -> PollResult {
        let fm = FileManager.default
        let done = dir.appendingPathComponent("done")
        // Files imported by the previous poll (its cursor is saved, so its mentions are stored): move them away.
        let imported = Set((cursor["imported"] ?? "").split(separator: "\n").map(String.init))
        let names = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).filter {
            $0.hasSuffix(".jsonl") && !$0.hasPrefix(".")
        }.sorted()
        var mentions: [Mention] = []
        var nowImported: [String] = []
        for name in names {
            let file = dir.appendingPathComponent(name)
            guard let attrs = try? fm.attributesOfItem(atPath: file.path),
                (attrs[.type] as? FileAttributeType) == .typeRegular
            else { continue }
            let size = (attrs[.size] as? NSNumber)?.int64Value ?? 0
            let mtime = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let signature = "\(name)\u{1F}\(size)\u{1F}\(Int64(mtime * 1000))"
            if imported.contains(signature) {
                try FileIO.makeDirectory(done)
                var target = done.appendingPathComponent(name)
                if fm.fileExists(atPath: target.path) {
                    target = done.appendingPathComponent("\(Int(now().timeIntervalSince1970))-\(name)")
                }
                try? fm.moveItem(at: file, to: target)
                continue
            }
            guard let data = fm.contents(atPath: file.path) else { continue }
            let (ms, rejects) = ImportFormat.decodeAll(data, now: now())
            mentions += ms
            nowImported.append(signature)
            if !rejects.isEmpty {
                try FileIO.makeDirectory(done)
                let report = rejects.map { "line \($0.line): \($0.reason)" }.joined(separator: "\n") + "\n"
                try? FileIO.writeDocument(Data(report.utf8), to: done.appendingPathComponent(name + ".rejects"))
            }
        }
        var next = cursor
        next["imported"] = nowImported.joined(separator: "\n")
        return PollResult(mentions: stamp(mentions), cursor: next)
    }
}
