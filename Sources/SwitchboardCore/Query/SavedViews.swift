import Foundation

/// Saved views: named queries in the personal config, `$XDG_CONFIG_HOME/switchboard/views.json`:
///
///     {"views": {"questions": "is:question is:open", "mine": "assignee:me is:open"}}
public struct SavedViews: Sendable, Equatable {
    public struct View: Sendable, Equatable {
        public var name: String
        public var query: Query
    }

    /// Views sorted by name.
    public var views: [View]

    public init(views: [View] = []) { self.views = views }

    public func named(_ name: String) -> View? { views.first { $0.name == name } }

    public static func file(environment env: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        DataDirectory.configDirectory(environment: env).appendingPathComponent("views.json")
    }

    struct Document: Decodable { var views: [String: String] }

    /// Loads the views; a missing file is no views. Errors name the file with line and column (bad JSON),
    /// or the view and the query position (`views.json: view "q": unknown field 'stauts' at 5 — did you mean status?`).
    public static func load(from file: URL, timeZone: TimeZone = TimeZone(identifier: "UTC")!) throws -> SavedViews {
        guard FileManager.default.fileExists(atPath: file.path) else { return SavedViews() }
        let doc = try FileIO.readDocument(Document.self, from: file)
        return try parse(doc, name: file.path, timeZone: timeZone)
    }

    public static func decode(
        _ data: Data, name: String = "views.json", timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) throws -> SavedViews {
        try parse(try FileIO.decodeDocument(Document.self, from: data, name: name), name: name, timeZone: timeZone)
    }

    static func parse(_ doc: Document, name: String, timeZone: TimeZone) throws -> SavedViews {
        var out: [View] = []
        for (k, v) in doc.views.sorted(by: { $0.key < $1.key }) {
            do { out.append(View(name: k, query: try Query.parse(v, timeZone: timeZone))) } catch {
                throw SwitchboardError("\(name): view \"\(k)\": \(error)")
            }
        }
        return SavedViews(views: out)
    }
}
