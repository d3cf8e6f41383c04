import Foundation
import SwitchboardCore

/// Reply drafts saved in the data directory (missing files are not errors).
public enum PanelFiles {
    public static func draftsDir(_ d: DataDirectory) -> URL { d.root.appendingPathComponent("drafts") }
    public static func draftFile(_ d: DataDirectory, key: String) -> URL {
        draftsDir(d).appendingPathComponent(key + ".json")
    }

    /// A saved reply draft: `DATA/drafts/<mention-key>.json`.
    public struct DraftDocument: Codable, Sendable {
        public var v: Int = 1
        public var mention: String, text: String, savedAt: Date, savedBy: String
        enum CodingKeys: String, CodingKey { case v, mention, text, savedAt = "saved_at", savedBy = "saved_by" }
    }

    public static func saveDraft(
        _ d: DataDirectory, key: String, text: String, actor: String, now: Date = Date()
    ) throws -> URL {
        try FileIO.makeDirectory(draftsDir(d))
        let enc = JSONEncoder()
        enc.dateEncodingStrategy = .switchboard
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let f = draftFile(d, key: key)
        try FileIO.writeDocument(
            try enc.encode(DraftDocument(mention: key, text: text, savedAt: now, savedBy: actor)), to: f)
        return f
    }

    public static func loadDraft(_ d: DataDirectory, key: String) -> String? { loadDraftDocument(d, key: key)?.text }

    public static func loadDraftDocument(_ d: DataDirectory, key: String) -> DraftDocument? {
        let f = draftFile(d, key: key)
        guard FileManager.default.fileExists(atPath: f.path) else { return nil }
        return try? FileIO.readDocument(DraftDocument.self, from: f)
    }

    /// Removes the saved draft of a mention whose reply went out: only a draft saved at or before `savedUpTo`
    /// (nil: any), so a draft someone saved after the reply is kept. Returns whether a file was removed.
    @discardableResult
    public static func deleteDraft(_ d: DataDirectory, key: String, savedUpTo: Date? = nil) -> Bool {
        let f = draftFile(d, key: key)
        guard FileManager.default.fileExists(atPath: f.path) else { return false }
        if let limit = savedUpTo, let doc = try? FileIO.readDocument(DraftDocument.self, from: f),
            doc.savedAt > limit
        {
            return false
        }
        return unlink(f.path) == 0
    }
}
