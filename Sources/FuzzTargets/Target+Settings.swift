import Foundation
import SwitchboardCore
import SwitchboardUI

extension FuzzTarget {
    /// SwitchboardUI's keymap file (`Keymap.applying`, over PositionedJSON and the key notation): an error
    /// names `file:line:column` inside the document; every binding the file changed can be written back
    /// as a keymap file of its own (its key in the notation `switchboard keys` prints) and reads back the same.
    public static let keymap = FuzzTarget(
        name: "keymap", summary: "SwitchboardUI keymap file: positions, notation round trip"
    ) { data in
        let map: Keymap
        do { map = try Keymap.defaults.applying(data, name: "keymap.json") } catch {
            try Invariants.checkPosition("\(error)", file: "keymap.json", in: data)
            return
        }
        let defaults = Set(Keymap.defaults.bindings)
        for b in map.bindings where !defaults.contains(b) {
            let doc = try JSONSerialization.data(withJSONObject: [b.context.rawValue: [b.notation: b.command]])
            let again: Keymap
            do { again = try Keymap.defaults.applying(doc, name: "again.json") } catch {
                throw FuzzViolation("binding \(b.notation) → \(b.command) in \(b.context) does not read back: \(error)")
            }
            guard again.binding(b.key, in: b.context)?.command == b.command else {
                throw FuzzViolation(
                    "binding \(b.notation) → \(b.command) in \(b.context) reads back as "
                    + "\(String(describing: again.binding(b.key, in: b.context)?.command))"
                )
            }
        }
    }

    /// SwitchboardUI's theme files (`Theme.parse`): never crashes; a theme that parses defines every
    /// role; an error with a position points inside the document.
    public static let theme = FuzzTarget(name: "theme", summary: "SwitchboardUI theme file: roles complete, positions")
    { data in
        let t: Theme
        do { t = try Theme.parse(data, name: "fuzz", file: "theme.json") } catch {
            try Invariants.checkPosition("\(error)", file: "theme.json", in: data)
            return
        }
        if !t.missingRoles.isEmpty { throw FuzzViolation("a parsed theme lacks roles \(t.missingRoles)") }
    }
}

extension Invariants {
    /// When `message` starts `file:LINE:COLUMN:`, the line exists in `data` (or is the one after its
    /// last newline) and both numbers are 1-based.
    static func checkPosition(_ message: String, file: String, in data: Data) throws {
        guard message.hasPrefix(file + ":") else { return }
        let rest = message.dropFirst(file.count + 1).split(
            separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard rest.count >= 2, let line = Int(rest[0]), let column = Int(rest[1]) else { return }
        let lines = data.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
        if line < 1 || line > lines || column < 1 {
            throw FuzzViolation(
                "position \(line):\(column) outside a document of \(lines) lines: \(message.prefix(200))")
        }
    }
}
