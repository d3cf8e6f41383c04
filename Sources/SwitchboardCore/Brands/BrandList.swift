import Foundation

/// The brands one person works on (`$XDG_CONFIG_HOME/switchboard/brands.json`), each its own data directory with its
/// own team.json and permissions:
///
///     {"brands": [{"name": "Acme", "dir": "~/clients/acme"}, {"name": "Bäckerei Groß", "dir": "/srv/sb/baecker"}]}
public struct BrandList: Sendable, Equatable {
    public struct Brand: Codable, Sendable, Equatable {
        public var name: String
        public var dir: String
        public init(name: String, dir: String) { (self.name, self.dir) = (name, dir) }
    }

    /// In the file's order.
    public var brands: [Brand]

    public init(brands: [Brand] = []) { self.brands = brands }

    public static func file(environment env: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        DataDirectory.configDirectory(environment: env).appendingPathComponent("brands.json")
    }

    struct Document: Decodable { var brands: [Brand] }

    /// Loads the list; a missing file is no brands. Errors name the file (line and column for bad JSON), an empty
    /// name or directory, and a name used twice.
    public static func load(from file: URL = BrandList.file()) throws -> BrandList {
        guard FileManager.default.fileExists(atPath: file.path) else { return BrandList() }
        let doc = try FileIO.readDocument(Document.self, from: file)
        var seen = Set<[UInt8]>()
        for (i, b) in doc.brands.enumerated() {
            let name = b.name.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { throw SwitchboardError(L10n.t("brands.emptyName", ["path": file.path, "n": i + 1])) }
            if b.dir.trimmingCharacters(in: .whitespaces).isEmpty {
                throw SwitchboardError(L10n.t("brands.emptyDir", ["path": file.path, "name": name]))
            }
            if !seen.insert(QueryText.fold(name)).inserted {
                throw SwitchboardError(L10n.t("brands.twice", ["path": file.path, "name": name]))
            }
        }
        return BrandList(brands: doc.brands)
    }

    /// The brand called `name` (case and umlaut spelling do not matter: `baeckerei gross` finds "Bäckerei Groß").
    public func brand(_ name: String) -> Brand? {
        let typed = name.trimmingCharacters(in: .whitespaces)
        let forms = QueryText.needles(typed)
        if let exact = brands.first(where: { QueryText.fold($0.name) == forms[0] }) { return exact }
        return brands.first {
            forms.contains(QueryText.fold($0.name)) || QueryText.needles($0.name).contains(forms[0])
        }
    }

    /// The data directory of brand `name`; throws naming the brands there are.
    public func directory(
        _ name: String, environment env: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> DataDirectory {
        guard let b = brand(name) else {
            let known = brands.map(\.name).joined(separator: ", ")
            throw SwitchboardError(
                L10n.t("brands.noBrand", ["name": name, "path": BrandList.file(environment: env).path])
                    + " (" + (known.isEmpty ? L10n.t("brands.listsNone") : L10n.t("brands.known", ["brands": known]))
                    + ")")
        }
        return DataDirectory(root: URL(fileURLWithPath: DataDirectory.expandPath(b.dir, environment: env)))
    }
}
