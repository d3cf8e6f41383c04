import Foundation
import SwitchboardCore

/// What the Queue pane shows: the content queue folded from the actions log (`Queue.current`).
public struct QueueInfo: Sendable, Equatable {
    /// The agenda: by time, drafts last; deleted items left out.
    public var items: [QueueItem] = []
    /// The suspend switch, when on.
    public var suspension: QueueSuspension?
    public var error: String?
    public init(items: [QueueItem] = [], suspension: QueueSuspension? = nil, error: String? = nil) {
        self.items = items; self.suspension = suspension; self.error = error
    }
}

/// What the Crisis pane shows: the active checklist, or the playbooks to start one from.
public struct CrisisInfo: Sendable, Equatable {
    public struct Step: Sendable, Equatable { public var text: String; public var done: Bool }
    /// Name of the active crisis (nil: none active).
    public var active: String?
    public var startedAt: Date?
    public var steps: [Step] = []
    public var playbooks: [String] = []
    public var error: String?
    public init() {}
}

/// Reads the crisis and playbook files of a data directory (missing files are not errors).
public enum PanelFiles {
    public static func crisisFile(_ d: DataDirectory) -> URL { d.root.appendingPathComponent("crisis/active.json") }
    public static func draftsDir(_ d: DataDirectory) -> URL { d.root.appendingPathComponent("drafts") }
    public static func draftFile(_ d: DataDirectory, key: String) -> URL { draftsDir(d).appendingPathComponent(key + ".json") }

    public static func loadCrisis(_ d: DataDirectory) -> CrisisInfo {
        var info = CrisisInfo()
        let f = crisisFile(d)
        if FileManager.default.fileExists(atPath: f.path) {
            do {
                let v = try FileIO.readDocument(JSONValue.self, from: f)
                info.active = v["name"]?.stringValue ?? v["playbook"]?.stringValue ?? v["title"]?.stringValue ?? "crisis"
                info.startedAt = (v["started_at"]?.stringValue).flatMap(Timestamp.parse)
                for s in v["steps"]?.arrayValue ?? v["checklist"]?.arrayValue ?? [] {
                    if let t = s.stringValue { info.steps.append(.init(text: t, done: false)); continue }
                    let text = s["text"]?.stringValue ?? s["title"]?.stringValue ?? s["name"]?.stringValue ?? "?"
                    let done = s["done"]?.boolValue ?? (s["done_at"] != nil && s["done_at"] != .null)
                    info.steps.append(.init(text: text, done: done))
                }
            } catch {
                info.error = "\(error)"
            }
        }
        let pdir = d.playbooksDir
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: pdir.path)) ?? []).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        for name in files {
            let v = try? FileIO.readDocument(JSONValue.self, from: pdir.appendingPathComponent(name))
            info.playbooks.append(v?["name"]?.stringValue ?? String(name.dropLast(5)))
        }
        return info
    }

    /// A saved reply draft: `DATA/drafts/<mention-key>.json`.
    public struct DraftDocument: Codable, Sendable {
        public var v: Int = 1
        public var mention: String
        public var text: String
        public var savedAt: Date
        public var savedBy: String
        enum CodingKeys: String, CodingKey { case v, mention, text, savedAt = "saved_at", savedBy = "saved_by" }
    }

    public static func saveDraft(_ d: DataDirectory, key: String, text: String, actor: String, now: Date = Date()) throws -> URL {
        try FileIO.makeDirectory(draftsDir(d))
        let enc = JSONEncoder()
        enc.dateEncodingStrategy = .switchboard
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let f = draftFile(d, key: key)
        try FileIO.writeDocument(try enc.encode(DraftDocument(mention: key, text: text, savedAt: now, savedBy: actor)), to: f)
        return f
    }

    public static func loadDraft(_ d: DataDirectory, key: String) -> String? {
        let f = draftFile(d, key: key)
        guard FileManager.default.fileExists(atPath: f.path) else { return nil }
        return (try? FileIO.readDocument(DraftDocument.self, from: f))?.text
    }
}
