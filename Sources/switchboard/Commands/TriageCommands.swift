import ArgumentParser
import Foundation
import SwitchboardCore

/// Records actions on a mention (`key`: the key or a prefix; `make` gets the store and the full key) and prints what
/// was done: JSON with --json, else `say`'s line, else a line per event.
func perform(
    _ global: GlobalOptions, key: String, json: Bool, say: ((Store, String) -> String)? = nil,
    _ make: (Store, String) throws -> [Action]
) throws {
    let (store, k) = try global.openStore(resolving: key)
    let events = try store.record(make(store, k), actor: Actor.current())
    if json {
        for e in events { try Output.printJSON(e) }
    } else if let say {
        print(say(store, k))
    } else {
        for e in events {
            print("\(k): \(Output.safe(e.action.summary)) (" + L10n.t("cli.byUser", ["user": e.actor]) + ")")
        }
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: L10n.t(
            "cli.abstract.status", ["values": MentionStatus.allCases.map(\.rawValue).joined(separator: "|")]))
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L10n.t("cli.help.mentionKey"))) var key: String
    @Argument(help: ArgumentHelp(L10n.t("cli.help.newStatus"))) var status: MentionStatus
    @Flag(help: ArgumentHelp(L10n.t("cli.help.eventJSON"))) var json = false
    func run() throws { try perform(global, key: key, json: json) { [.setStatus(mention: $1, status: status)] } }
}

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: L10n.t("cli.abstract.triageCommands.1"))
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L10n.t("cli.help.mentionKey"))) var key: String
    @Argument(help: ArgumentHelp(L10n.t("cli.help.user"))) var user: String
    @Flag(help: ArgumentHelp(L10n.t("cli.help.eventJSON"))) var json = false
    func run() throws {
        let u = user == "-" || user == "none" ? nil : user
        try perform(global, key: key, json: json) { [.assign(mention: $1, user: u)] }
    }
}

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: L10n.t("cli.abstract.triageCommands.2"))
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L10n.t("cli.help.mentionKey"))) var key: String
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(L10n.t("cli.help.tags"))) var tags: [String]
    @Flag(help: ArgumentHelp(L10n.t("cli.help.eventsJSON"))) var json = false
    func validate() throws {
        if tags.isEmpty { throw ValidationError(L10n.t("cli.tag.none")) }
        for t in tags
        where t.trimmingCharacters(in: CharacterSet(charactersIn: "-+")).isEmpty || t.contains(where: \.isWhitespace) {
            throw ValidationError(L10n.t("cli.tag.bad", ["tag": t]))
        }
    }
    func run() throws {
        let add = tags.filter { !$0.hasPrefix("-") }.map { $0.hasPrefix("+") ? String($0.dropFirst()) : $0 }
        let remove = tags.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) }
        try perform(global, key: key, json: json) { _, k in
            (add.isEmpty ? [] : [.tag(mention: k, tags: add)])
                + (remove.isEmpty ? [] : [.untag(mention: k, tags: remove)])
        }
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: L10n.t("cli.abstract.triageCommands.3"))
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L10n.t("cli.help.mentionKey"))) var key: String
    @OptionGroup var note: NoteText
    @Flag(help: ArgumentHelp(L10n.t("cli.help.eventJSON"))) var json = false
    func run() throws { try perform(global, key: key, json: json) { [.note(mention: $1, text: note.joined)] } }
}

/// The words of a note (on a mention or a contact), joined with spaces; refused when empty.
struct NoteText: ParsableArguments {
    @Argument(help: ArgumentHelp(L10n.t("cli.help.note"))) var text: [String]
    var joined: String { text.joined(separator: " ") }
    func validate() throws {
        if text.joined().trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(L10n.t("cli.note.empty"))
        }
    }
}
