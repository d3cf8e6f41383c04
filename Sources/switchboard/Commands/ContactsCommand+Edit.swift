import ArgumentParser
import Foundation
import SwitchboardCore

/// Records one contact action and prints it (or the event as JSON).
private func record(_ store: Store, _ action: ContactAction, json: Bool, say: String) throws {
    let events = try store.record([.contact(action)], actor: Actor.current())
    if json { for e in events { try Output.printJSON(e) } } else { print(Output.safe(say)) }
}

extension ContactsCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.contactsCommandEdit.1"),
            discussion: L10n.t("cli.discussion.contacts.merge")
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.contacts.mergeIds"))) var ids: [String]
        @Flag(help: ArgumentHelp(L10n.t("cli.help.eventJSON"))) var json = false

        func validate() throws { if ids.count < 2 { throw ValidationError(L10n.t("cli.contacts.twoNeeded")) } }

        func run() throws {
            let store = try global.openStore()
            let contacts = ContactsCommand.load(store)
            let target = try contacts.resolve(ids[0])
            var identities: [String] = []
            for s in ids.dropFirst() {
                let c = try contacts.resolve(s)
                if c.id == target.id {
                    throw CLIError.failure(
                        Output.safe(
                            L10n.t("cli.contacts.alreadyPart", ["id": s, "name": target.name, "contact": target.id])))
                }
                for i in c.identities where !identities.contains(i.key) { identities.append(i.key) }
            }
            try record(
                store, .merge(contact: target.primary, identities: identities), json: json,
                say: L10n.t(
                    "cli.contacts.merged",
                    ["id": target.id, "identities": identities.joined(separator: ", "), "name": target.name]))
        }
    }

    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.contactsCommandEdit.2"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.contacts.contact"))) var id: String
        @Argument(help: ArgumentHelp(L10n.t("cli.help.contacts.identity"))) var identity: String
        @Flag(help: ArgumentHelp(L10n.t("cli.help.eventJSON"))) var json = false

        func run() throws {
            let store = try global.openStore()
            let c = try ContactsCommand.load(store).resolve(id)
            var h = identity.lowercased()
            while h.hasPrefix("@") { h.removeFirst() }
            let hits = c.identities.filter { i in
                i.key == h || i.key.hasSuffix(":" + h) || i.key.hasSuffix("/" + h)
            }
            guard let i = hits.first, hits.count == 1 else {
                throw CLIError.failure(
                    Output.safe(
                        L10n.t(
                            "cli.contacts.noIdentity",
                            [
                                "name": c.name, "id": c.id, "identity": identity,
                                "identities": c.identities.map(\.key).joined(separator: ", "),
                            ])))
            }
            if c.identities.count == 1 {
                throw CLIError.failure(Output.safe(L10n.t("cli.contacts.onlyIdentity", ["name": c.name, "id": c.id])))
            }
            if i.key == c.primary {
                throw CLIError.failure(
                    Output.safe(L10n.t("cli.contacts.primarySplit", ["identity": i.key, "name": c.name, "id": c.id])))
            }
            try record(
                store, .split(contact: c.primary, identity: i.key), json: json,
                say: L10n.t("cli.contacts.split", ["id": c.id, "identity": i.key, "name": c.name]))
        }
    }

    struct Role: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.contactsCommandEdit.3"),
            discussion: L10n.t("cli.discussion.contacts.role", ["roles": ContactsCommand.roleNames])
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.contacts.contact"))) var id: String
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp(L10n.t("cli.help.contacts.roles"))) var roles: [String]
        @Flag(help: ArgumentHelp(L10n.t("cli.help.eventJSON"))) var json = false

        func validate() throws {
            if roles.isEmpty { throw ValidationError(L10n.t("cli.contacts.roleNeeded")) }
            for r in roles where ContactRole(parsing: r.trimmingCharacters(in: CharacterSet(charactersIn: "+-"))) == nil
            {
                throw ValidationError(ContactsCommand.unknownRole(r))
            }
        }

        func run() throws {
            let store = try global.openStore()
            let c = try ContactsCommand.load(store).resolve(id)
            func parse(_ r: String) -> String {
                ContactRole(parsing: String(r.drop { $0 == "+" || $0 == "-" }))!.rawValue
            }
            let remove = roles.filter { $0.hasPrefix("-") }.map(parse)
            let add = roles.filter { !$0.hasPrefix("-") }.map(parse)
            try record(
                store, .role(contact: c.primary, add: add, remove: remove), json: json,
                say: L10n.t(
                    "cli.contacts.roles",
                    [
                        "id": c.id, "name": c.name,
                        "roles": (add.map { "+" + $0 } + remove.map { "-" + $0 }).joined(separator: " "),
                    ]))
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L10n.t("cli.abstract.contactsCommandEdit.4"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.contacts.contact"))) var id: String
        @OptionGroup var note: NoteText
        @Flag(help: ArgumentHelp(L10n.t("cli.help.eventJSON"))) var json = false

        func run() throws {
            let store = try global.openStore()
            let c = try ContactsCommand.load(store).resolve(id)
            let t = note.joined
            try record(
                store, .note(contact: c.primary, text: t), json: json,
                say: L10n.t("cli.contacts.note", ["id": c.id, "name": c.name, "text": t]))
        }
    }
}
