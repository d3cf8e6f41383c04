import Foundation

/// A record or document type whose files carry a format version (`"v"`): one written by a newer Switchboard is
/// refused (and left untouched) rather than read as if it were this version's.
public protocol SchemaVersioned {
    /// The highest format version this build reads and writes.
    static var schemaVersion: Int { get }
}

/// A record or document from a newer version of Switchboard: never read as this version's, never rewritten.
public struct NewerVersionError: Error, CustomStringConvertible, Sendable, Equatable {
    public var version: Int
    public var supported: Int
    public init(version: Int, supported: Int) { (self.version, self.supported) = (version, supported) }
    public var description: String {
        "written by a newer version of Switchboard (format v\(version); this version reads up to v\(supported)); "
            + "left as it is: update Switchboard to use it"
    }

    /// Throws when `version` is newer than `supported`.
    public static func check(_ version: Int, supported: Int) throws {
        if version > supported { throw NewerVersionError(version: version, supported: supported) }
    }
}

extension FileIO {
    /// The top-level `"v"` of a JSON document and the line it is on; nil when the document has none (or isn't JSON).
    static func documentVersion(_ data: Data) -> (version: Int, line: Int)? {
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let v = obj["v"] as? Int
        else { return nil }
        let bytes = [UInt8](data)
        var line = 1
        var i = 0
        let key: [UInt8] = Array("\"v\"".utf8)
        while i + key.count <= bytes.count {
            if bytes[i] == 10 { line += 1 }
            if bytes[i] == 34, Array(bytes[i..<i + key.count]) == key { break }
            i += 1
        }
        return (v, line)
    }

    /// Refuses a document of type `T` written by a newer version (name, line of its `"v"`, and why).
    static func checkVersion<T>(_ type: T.Type, data: Data, name: String) throws {
        guard let versioned = T.self as? SchemaVersioned.Type, let (v, line) = documentVersion(data),
            v > versioned.schemaVersion
        else { return }
        throw SwitchboardError(
            "\(name): line \(line): \(NewerVersionError(version: v, supported: versioned.schemaVersion))")
    }

    /// A document writer's guard: the file at `file`, when it is a document of type `T` from a newer version, is
    /// not overwritten.
    public static func refuseOverwritingNewer<T>(_ type: T.Type, at file: URL) throws {
        guard T.self is SchemaVersioned.Type, let data = FileManager.default.contents(atPath: file.path) else { return }
        do { try checkVersion(type, data: data, name: file.path) } catch let e as SwitchboardError {
            throw SwitchboardError(e.message + " (not overwritten)")
        }
    }
}

extension KeyedDecodingContainer {
    /// A record's or document's format version (`"v"`, 1 when absent); one newer than `supported` is refused with
    /// `NewerVersionError`, so nothing written by a newer Switchboard is read (and rewritten) as if it were old.
    public func schemaVersion(_ key: Key, supported: Int) throws -> Int {
        let v = try decodeIfPresent(Int.self, forKey: key) ?? 1
        try NewerVersionError.check(v, supported: supported)
        return v
    }
}
