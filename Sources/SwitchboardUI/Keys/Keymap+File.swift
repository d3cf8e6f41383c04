import Foundation
import ScreenKit
import SwitchboardCore

extension Keymap {
    /// The user's keymap file: `$XDG_CONFIG_HOME/switchboard/keymap.json`.
    public static func userFile(environment env: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        DataDirectory.configDirectory(environment: env).appendingPathComponent("keymap.json")
    }

    /// The defaults with the user's file applied (when it exists). Errors name the file, line and column.
    public static func load(file: URL) throws -> Keymap {
        guard FileManager.default.fileExists(atPath: file.path) else { return defaults }
        let data: Data
        do { data = try Data(contentsOf: file) } catch { throw SwitchboardError("\(file.path): cannot read") }
        return try defaults.applying(data, name: file.path)
    }

    /// Applies a keymap document: `{"feed": {"j": "down"}, "global": {"C-q": "quit"}}`. A value of
    /// `null` or `""` unbinds the key. Every error names `name:line:column`.
    public func applying(_ data: Data, name: String) throws -> Keymap {
        let doc: PositionedJSON
        do { doc = try PositionedJSON.parse([UInt8](data)) } catch let e as PositionedJSON.SyntaxError {
            throw SwitchboardError("\(name):\(e.at.line):\(e.at.column): \(e.message)")
        }
        func err(_ at: PositionedJSON.Position, _ m: String) -> SwitchboardError {
            SwitchboardError("\(name):\(at.line):\(at.column): \(m)")
        }
        guard case .object(let contexts) = doc.value else {
            throw err(doc.at, "a keymap is an object of contexts, like {\"feed\": {\"j\": \"down\"}}")
        }
        var map = self
        for (ctxName, ctxAt, body) in contexts {
            guard let ctx = KeyContext(rawValue: ctxName) else {
                throw err(
                    ctxAt,
                    "unknown context \"\(ctxName)\" (use one of: "
                        + KeyContext.allCases.map(\.rawValue).joined(separator: ", ") + ")"
                )
            }
            guard case .object(let entries) = body.value else {
                throw err(body.at, "\"\(ctxName)\" must be an object of key: command")
            }
            for (keyText, keyAt, value) in entries {
                let key: Key
                do { key = try KeyNames.parseOrThrow(keyText) } catch {
                    throw err(keyAt, "\(error)")
                }
                switch value.value {
                case .null: map.set(key, in: ctx, to: nil)
                case .string(let s) where s.trimmingCharacters(in: .whitespaces).isEmpty: map.set(key, in: ctx, to: nil)
                case .string(let s):
                    if let problem = Commands.validate(s, themes: nil) {
                        throw err(value.at, problem + " (commands: `switchboard keys` lists them)")
                    }
                    map.set(key, in: ctx, to: s.trimmingCharacters(in: .whitespaces))
                default:
                    throw err(
                        value.at, "the command for \"\(keyText)\" must be a string like \"down\" or \"focus queue\"")
                }
            }
        }
        return map
    }
}
