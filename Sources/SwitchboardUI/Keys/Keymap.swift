import ScreenKit
import SwitchboardCore

/// When a binding is enabled (the help overlay greys out the others).
public enum BindingCondition: String, Sendable {
    case always
    /// A mention is selected in the feed.
    case selection
    /// A mention is open in the composer.
    case composing
    /// The spike banner offers a playbook.
    case crisisOffer = "crisis-offer"
}

/// One key binding: data, not code. The help overlay, `switchboard keys` and `:` all read this table.
public struct Binding: Hashable, Sendable {
    public var context: KeyContext
    public var key: Key
    /// The command line it runs: a command name and maybe an argument (`focus queue`).
    public var command: String, help: String, when: BindingCondition
    public var notation: String { KeyNames.name(key) }
}

/// The key bindings in effect: the defaults, overridden by the user's keymap file.
public struct Keymap: Sendable {
    public private(set) var bindings: [Binding]
    private var index: [KeyContext: [Key: Int]] = [:]

    public init(bindings: [Binding]) {
        self.bindings = bindings
        reindex()
    }

    private mutating func reindex() {
        index = [:]
        for (i, b) in bindings.enumerated() { index[b.context, default: [:]][b.key] = i }
    }

    /// The binding for `key` in `context` (no fallback to `global`; the caller decides).
    public func binding(_ key: Key, in context: KeyContext) -> Binding? {
        index[context]?[key].map { bindings[$0] }
    }

    /// Bindings of one context, in table order.
    public func bindings(in context: KeyContext) -> [Binding] { bindings.filter { $0.context == context } }

    /// Keys bound to `command` in `context` (for hints), in table order.
    public func keys(for command: String, in context: KeyContext) -> [Key] {
        bindings.filter { $0.context == context && $0.command == command }.map(\.key)
    }

    /// Binds (or with nil, unbinds) a key in a context, replacing what it did there.
    public mutating func set(_ key: Key, in context: KeyContext, to command: String?) {
        if let i = index[context]?[key] { bindings.remove(at: i) }
        if let command {
            let (name, arg) = Commands.split(command)
            let help = Commands.spec(name).map { $0.help + (arg.isEmpty ? "" : ": \(arg)") } ?? command
            bindings.append(Binding(context: context, key: key, command: command, help: help, when: .always))
        }
        reindex()
    }

    /// The table as text, one binding per line: what `switchboard keys` prints.
    public func table() -> String {
        let head = ["context", "key", "command", "help"].map { L10n.t("keys.col." + $0) }
        var out =
            TextWrap.pad(head[0], width: 10) + TextWrap.pad(head[1], width: 11) + TextWrap.pad(head[2], width: 19)
            + head[3] + "\n"
        for ctx in KeyContext.allCases {
            for b in bindings(in: ctx) {
                out +=
                    TextWrap.pad(ctx.rawValue, width: 10) + TextWrap.pad(b.notation, width: 11)
                    + TextWrap.pad(b.command, width: 19) + b.help
                    + (b.when == .always ? "" : " (" + L10n.t("keys.when", ["when": b.when.rawValue]) + ")") + "\n"
            }
        }
        return out
    }
}
