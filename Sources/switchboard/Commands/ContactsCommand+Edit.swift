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
            discussion:
                "The first contact keeps its id; the others' identities, roles and notes join it. Undo with "
                + "`contacts split`."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Contacts (ids, identities or handles): the first one, then those to merge into it.") var ids:
            [String]
        @Flag(help: "Print the recorded event as JSON.") var json = false

        func validate() throws { if ids.count < 2 { throw ValidationError("give at least two contacts") } }

        func run() throws {
            let store = try global.openStore()
            let contacts = ContactsCommand.load(store)
            let target = try contacts.resolve(ids[0])
            var identities: [String] = []
            for s in ids.dropFirst() {
                let c = try contacts.resolve(s)
                if c.id == target.id {
                    throw CLIError.failure(Output.safe("\(s) is already part of \(target.name) (\(target.id))"))
                }
                for i in c.identities where !identities.contains(i.key) { identities.append(i.key) }
            }
            try record(
                store, .merge(contact: target.primary, identities: identities), json: json,
                say: "\(target.id): merged \(identities.joined(separator: ", ")) into \(target.name)")
        }
    }

    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.contactsCommandEdit.2"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact.") var id: String
        @Argument(help: "The identity to split off: its key (bluesky:anna.bsky.social) or handle.") var identity: String
        @Flag(help: "Print the recorded event as JSON.") var json = false

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
                        "\(c.name) (\(c.id)) has no identity \(identity); it has: "
                            + c.identities.map(\.key).joined(separator: ", ")))
            }
            if c.identities.count == 1 {
                throw CLIError.failure(Output.safe("\(c.name) (\(c.id)) has only this identity: nothing to split"))
            }
            if i.key == c.primary {
                throw CLIError.failure(
                    Output.safe(
                        "\(i.key) is the primary identity of \(c.name) (\(c.id)); split the other identities off "
                            + "instead"
                    ))
            }
            try record(
                store, .split(contact: c.primary, identity: i.key), json: json,
                say: "\(c.id): split \(i.key) off \(c.name)")
        }
    }

    struct Role: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.contactsCommandEdit.3"),
            discussion:
                "A role set by hand always shows; a removed suggestion never comes back. Roles: \(ContactRole.allCases.map(\.rawValue).joined(separator: ", "))."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact.") var id: String
        @Argument(parsing: .allUnrecognized, help: "Roles: +ROLE (or ROLE) sets, -ROLE removes.") var roles: [String]
        @Flag(help: "Print the recorded event as JSON.") var json = false

        func validate() throws {
            if roles.isEmpty { throw ValidationError("give at least one role, like +fan or -critic") }
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
                say: "\(c.id): \(c.name): roles "
                    + (add.map { "+" + $0 } + remove.map { "-" + $0 }).joined(separator: " "))
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L10n.t("cli.abstract.contactsCommandEdit.4"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact.") var id: String
        @OptionGroup var note: NoteText
        @Flag(help: "Print the recorded event as JSON.") var json = false

        func run() throws {
            let store = try global.openStore()
            let c = try ContactsCommand.load(store).resolve(id)
            let t = note.joined
            try record(store, .note(contact: c.primary, text: t), json: json, say: "\(c.id): \(c.name): note: \(t)")
        }
    }
}
