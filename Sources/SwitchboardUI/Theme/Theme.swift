import Foundation
import ScreenKit
import SwitchboardCore

/// A colour in a theme file: a 256-colour index, or a name (`default`, `black`, `red`, … `bright-white`).
struct ThemeColor: Decodable, Hashable {
    var index: Int
    static let names: [String: Int] = [
        "default": -1, "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) {
            guard (-1...255).contains(i) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "colour \(i) is not in -1…255")
            }
            index = i
        } else if let s = try? c.decode(String.self) {
            guard let i = ThemeColor.names[s.lowercased()] else {
                throw DecodingError.dataCorruptedError(
                    in: c,
                    debugDescription:
                        "unknown colour \"\(s)\" (use 0–255 or a name: "
                        + ThemeColor.names.keys.sorted().joined(separator: ", ") + ")"
                )
            }
            index = i
        } else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "a colour is a number 0–255 or a name like \"red\"")
        }
    }
}

/// One role in a theme file: `{"fg": 231, "bg": 25, "fg16": 15, "bg16": 4, "bold": true}`.
struct ThemeRoleSpec: Decodable {
    var fg: ThemeColor?
    var bg: ThemeColor?
    var fg16: ThemeColor?
    var bg16: ThemeColor?
    var bold: Bool?
    var underline: Bool?
    var reverse: Bool?
    var dim: Bool?
    var italic: Bool?

    var style: TerminalStyle {
        TerminalStyle(
            fg: fg?.index ?? -1, bg: bg?.index ?? -1, fg16: fg16.map { min($0.index, 15) },
            bg16: bg16.map { min($0.index, 15) },
            bold: bold ?? false, underline: underline ?? false, reverse: reverse ?? false, dim: dim ?? false,
            italic: italic ?? false)
    }
}

struct ThemeFile: Decodable {
    var v: Int?
    var name: String?
    var description: String?
    /// `"dark"` (the default) or `"light"`: the terminal background the theme is made for.
    var background: TerminalBackground?
    var roles: [String: ThemeRoleSpec]
}

/// A colour theme: semantic roles → terminal styles.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [StyleRole: TerminalStyle]
    /// The terminal background the theme is made for: on 8/16 colours no role's text takes its colour.
    public var background: TerminalBackground

    public init(name: String, styles: [StyleRole: TerminalStyle], background: TerminalBackground = .dark) {
        (self.name, self.styles, self.background) = (name, styles, background)
    }

    /// Roles the workbench draws with that this theme does not define.
    public var missingRoles: [StyleRole] { UIRoles.all.filter { styles[$0] == nil } }

    /// Parses a theme document; errors name the file and line/column (syntax) or field (shape), and list missing roles.
    public static func parse(_ data: Data, name: String, file: String) throws -> Theme {
        let f = try FileIO.decodeDocument(ThemeFile.self, from: data, name: file)
        var styles: [StyleRole: TerminalStyle] = [:]
        for (k, v) in f.roles { styles[StyleRole(k)] = v.style }
        let t = Theme(name: f.name ?? name, styles: styles, background: f.background ?? .dark)
        let missing = t.missingRoles
        if !missing.isEmpty {
            throw SwitchboardError("\(file): roles missing: \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        return t
    }

    public static func load(_ url: URL) throws -> Theme {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw SwitchboardError("\(url.path): cannot read") }
        return try parse(data, name: url.deletingPathExtension().lastPathComponent, file: url.path)
    }
}
