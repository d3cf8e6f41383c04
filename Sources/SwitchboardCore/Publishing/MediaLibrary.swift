import Foundation
import TextSafety

/// The team's media library: `media/` in the data directory, one file per image or video, its alt text beside it in
/// `NAME.alt.txt` (UTF-8, one paragraph). `switchboard media add|list|alt`; `queue add --media NAME` takes a file from
/// here with its alt text, so alt text written once is reused by every post.
public struct MediaLibrary: Sendable {
    /// One file of the library.
    public struct Entry: Sendable, Hashable, Codable {
        public var name: String
        public var path: String
        public var bytes: Int
        /// Nil when no alt text is stored (pre-flight warns when such a file is queued).
        public var alt: String?
    }

    public static let altSuffix = ".alt.txt"
    public let dir: URL

    public init(_ data: DataDirectory) { dir = data.root.appendingPathComponent("media", isDirectory: true) }
    /// The library in folder `dir` (the workbench knows the folder, not the data directory).
    public init(dir: URL) { self.dir = dir }

    /// A name a file may have in the library: no path separators, no leading dot, nothing unsafe, at most 200
    /// characters, not ending in `.alt.txt`. Umlauts and ß are fine (`Brötchen-groß.jpg`).
    public static func check(name: String) throws {
        let bad =
            name.isEmpty || name.count > 200 || name.hasPrefix(".") || name.contains("/") || name.contains("\\")
            || name.hasSuffix(altSuffix) || !SafeText.isClean(name, newlines: .space, tabs: .space)
            || name.unicodeScalars.contains { $0.value < 0x20 }
        if bad { throw QueueError(L10n.t("media.badName", ["name": SafeText.clean(name)])) }
    }

    /// Every file, by name.
    public func list() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(Self.altSuffix) }.sorted().compactMap { entry($0) }
    }

    /// The file called `name`, nil when there is none.
    public func entry(_ name: String) -> Entry? {
        guard (try? Self.check(name: name)) != nil else { return nil }
        let url = dir.appendingPathComponent(name)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else {
            return nil
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        return Entry(name: name, path: url.path, bytes: size, alt: alt(name))
    }

    /// The stored alt text of `name` (nil when none or empty).
    public func alt(_ name: String) -> String? {
        guard let d = try? Data(contentsOf: dir.appendingPathComponent(name + Self.altSuffix)),
            let s = String(data: d, encoding: .utf8)
        else { return nil }
        let t = Self.cleanAlt(s)
        return t.isEmpty ? nil : t
    }

    static func cleanAlt(_ s: String) -> String {
        SafeText.clean(s, newlines: .space, tabs: .space).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Copies `file` into the library as `name` (default: its file name), with `alt` text when given. Refuses a name
    /// already taken (`replace` overwrites it) and a file that cannot be read; nothing is left half-written.
    @discardableResult
    public func add(file: URL, name: String? = nil, alt: String? = nil, replace: Bool = false) throws -> Entry {
        let name = name ?? file.lastPathComponent
        try Self.check(name: name)
        guard FileManager.default.isReadableFile(atPath: file.path), let data = try? Data(contentsOf: file) else {
            throw QueueError(L10n.t("media.unreadable", ["file": SafeText.clean(file.path)]))
        }
        if entry(name) != nil, !replace { throw QueueError(L10n.t("media.exists", ["name": name])) }
        try FileIO.makeDirectory(dir)
        try FileIO.writeDocument(data, to: dir.appendingPathComponent(name))
        if let alt { try setAlt(name, alt) }
        return entry(name)!
    }

    /// Stores (or, with empty text, removes) the alt text of `name`.
    public func setAlt(_ name: String, _ text: String) throws {
        guard entry(name) != nil else { throw QueueError(L10n.t("media.none", ["name": SafeText.clean(name)])) }
        let url = dir.appendingPathComponent(name + Self.altSuffix)
        let t = Self.cleanAlt(text)
        if t.isEmpty {
            try? FileManager.default.removeItem(at: url)
        } else {
            try FileIO.writeDocument(Data((t + "\n").utf8), to: url)
        }
    }

    /// What `--media` and `:attach` take: a file of the library by name (its stored alt text unless `alt` is given),
    /// else a readable file (`~` expanded, relative to `cwd`), else, with `addresses`, an `https://` address (for the
    /// networks that fetch images themselves). Anything else is an error naming it.
    public func pick(_ nameOrPath: String, alt: String? = nil, cwd: URL? = nil, addresses: Bool = false) throws
        -> QueueMedia
    {
        let p = nameOrPath.trimmingCharacters(in: .whitespaces)
        let given = alt.map(Self.cleanAlt).flatMap { $0.isEmpty ? nil : $0 }
        if addresses, p.lowercased().hasPrefix("https://") { return QueueMedia(path: p, alt: given) }
        if entry(p) != nil { return try media(p, alt: given) }
        let expanded = (p as NSString).expandingTildeInPath
        let base = cwd ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let abs = URL(fileURLWithPath: expanded, relativeTo: base).standardizedFileURL.path
        var isDir: ObjCBool = false
        guard !p.isEmpty, FileManager.default.fileExists(atPath: abs, isDirectory: &isDir), !isDir.boolValue,
            FileManager.default.isReadableFile(atPath: abs)
        else { throw QueueError(L10n.t("cli.queue.noMedia", ["file": SafeText.clean(p)])) }
        return QueueMedia(path: abs, alt: given)
    }

    /// The names of the library's files that start with `prefix` (`:attach` completion).
    public func names(startingWith prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(Self.altSuffix) && $0.hasPrefix(prefix) }.sorted()
    }

    /// The queue's media for library file `name`, with its stored alt text unless `alt` is given.
    public func media(_ name: String, alt: String? = nil) throws -> QueueMedia {
        guard let e = entry(name) else { throw QueueError(L10n.t("media.none", ["name": SafeText.clean(name)])) }
        return QueueMedia(path: e.path, alt: alt ?? e.alt)
    }
}
