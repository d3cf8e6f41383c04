import Foundation

/// The templates of a data directory (`templates/*.json`), with the files that did not load.
public struct TemplateLibrary: Sendable {
    public var templates: [ReplyTemplate]
    /// One message per file that could not be read (file and line/column or field).
    public var problems: [String]

    public init(templates: [ReplyTemplate], problems: [String] = []) {
        (self.templates, self.problems) = (templates, problems)
    }

    public static func load(_ dir: DataDirectory) -> TemplateLibrary {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.templatesDir.path)) ?? []).filter {
            $0.hasSuffix(".json") && !$0.hasPrefix(".")
        }.sorted()
        var out: [ReplyTemplate] = []
        var problems: [String] = []
        for n in names {
            do {
                out.append(
                    try FileIO.readDocument(ReplyTemplate.self, from: dir.templatesDir.appendingPathComponent(n)))
            } catch {
                problems.append(
                    "templates/\(n): "
                        + "\(error)".replacingOccurrences(
                            of: dir.templatesDir.appendingPathComponent(n).path + ": ", with: ""))
            }
        }
        return TemplateLibrary(templates: out.sorted { $0.name < $1.name }, problems: problems)
    }

    public func named(_ name: String) -> ReplyTemplate? {
        templates.first { $0.name == name } ?? templates.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Templates ranked by fuzzy match of `query` against name (weighted most), description and text.
    public func search(_ query: String, limit: Int = 50) -> [ReplyTemplate] {
        let q = query.trimmingCharacters(in: .whitespaces)
        if q.isEmpty { return Array(templates.prefix(limit)) }
        var scored: [(ReplyTemplate, Int)] = []
        for t in templates {
            let s = [
                FuzzyMatch.score(q, in: t.name).map { $0 * 3 },
                FuzzyMatch.score(q, in: t.description ?? "").map { $0 * 2 },
                FuzzyMatch.score(q, in: t.text),
            ].compactMap { $0 }.max()
            if let s { scored.append((t, s)) }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }.prefix(limit).map(\.0)
    }
}
