import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard contacts …`: the people behind the mentions.
struct ContactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: L10n.t("cli.abstract.contactsCommand.1"),
        discussion: """
            Contacts are built from mention authors (one per network account); merge accounts of one person by hand. \
            Roles: \(ContactRole.allCases.map(\.rawValue).joined(separator: ", ")). Roles marked * are suggested from \
            the mentions; set or remove any with `contacts role`.
            """,
        subcommands: [List.self, Show.self, Merge.self, Split.self, Role.self, Note.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L10n.t("cli.abstract.contactsCommand.2"))
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only contacts whose name, handles or notes contain this text.") var query: String?
        @Option(
            help:
                "Only contacts with this role (\(ContactRole.allCases.map(\.rawValue).joined(separator: ", ")), or vip)."
        ) var role: String?
        @Option(help: "Sort by reach, activity, sentiment (most negative first) or recent.") var sort: ContactSort =
            .activity
        @Option(help: "At most this many (0: all).") var limit = 50
        @Flag(help: "JSON Lines: one contact per line.") var json = false

        func validate() throws {
            if let role, role != "vip", ContactRole(parsing: role) == nil {
                throw ValidationError(ContactsCommand.unknownRole(role))
            }
        }

        func run() throws {
            let store = try global.openStore()
            let contacts = ContactsCommand.load(store)
            var list = contacts.sorted(by: sort)
            if let query {
                let hits = Set(contacts.search(query).map(\.id))
                list = list.filter { hits.contains($0.id) }
            }
            if let role {
                list = list.filter { role == "vip" ? $0.isVIP : $0.has(ContactRole(parsing: role)!) }
            }
            if limit > 0 { list = Array(list.prefix(limit)) }
            if json {
                try Output.printJSONLines(list.lazy.map { c in ContactJSON(c) })
                return
            }
            if list.isEmpty { print("No contacts."); return }
            let now = Date()
            Output.table(
                ["ID", "NAME", "HANDLE", "REACH", "MENTIONS", "SENTIMENT", "ROLES", "LAST"],
                list.map { c in
                    [
                        c.id, Output.clip(Output.safe(c.name), 24),
                        Output.clip(Output.safe(c.identities[0].displayHandle), 30)
                            + (c.identities.count > 1 ? " +\(c.identities.count - 1)" : ""),
                        c.reach.grouped, "\(c.mentionCount)", c.averageScore.map { String(format: "%+.2f", $0) } ?? "-",
                        ContactsCommand.roleList(c), Output.relative(c.lastSeen, now: now),
                    ]
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.contactsCommand.3"))
        @OptionGroup var global: GlobalOptions
        @Argument(
            help:
                """
                Contact id (or a 4+ character prefix), identity (mastodon:anna@social.example) or handle \
                (@anna@social.example).
                """
        ) var id: String
        @Flag(help: "Sentiment by week instead of by day.") var weekly = false
        @Flag(help: "One JSON document.") var json = false

        func run() throws {
            let store = try global.openStore()
            let team = try? FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile)
            let contacts = Contacts(mentions: store.mentions, events: store.events, team: team)
            let c = try contacts.resolve(id)
            let tz = team?.timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
            let history = contacts.history(of: c, store: store)
            let timeline = contacts.sentimentTimeline(of: c, store: store, timeZone: tz, weekly: weekly)
            if json { try Output.printJSON(ContactJSON(c, history: history, timeline: timeline), pretty: true); return }
            ContactPrinter.print(c, history: history, timeline: timeline, weekly: weekly)
        }
    }

    static func load(_ store: Store) -> Contacts {
        let team = try? FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile)
        return Contacts(mentions: store.mentions, events: store.events, team: team)
    }

    /// `multiplier*, fan` (* = suggested, not set by hand).
    static func roleList(_ c: Contact) -> String {
        let r = c.roles.map { $0.rawValue + (c.isSuggestedOnly($0) ? "*" : "") }
        return r.isEmpty ? "-" : r.joined(separator: ", ")
    }

    static func unknownRole(_ r: String) -> String {
        "unknown role \"\(r)\"; roles: \(ContactRole.allCases.map(\.rawValue).joined(separator: ", "))"
    }
}

extension ContactSort: ExpressibleByArgument {}
