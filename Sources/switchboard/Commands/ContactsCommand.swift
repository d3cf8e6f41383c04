import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard contacts …`: the people behind the mentions.
struct ContactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: L10n.t("cli.abstract.contactsCommand.1"),
        discussion: L10n.t("cli.discussion.contacts", ["roles": ContactsCommand.roleNames]),
        subcommands: [List.self, Show.self, Merge.self, Split.self, Role.self, Note.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L10n.t("cli.abstract.contactsCommand.2"))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L10n.t("cli.help.contacts.query"))) var query: String?
        @Option(help: ArgumentHelp(L10n.t("cli.help.contacts.role", ["roles": ContactsCommand.roleNames])))
        var role: String?
        @Option(help: ArgumentHelp(L10n.t("cli.help.contacts.sort"))) var sort: ContactSort = .activity
        @Option(help: ArgumentHelp(L10n.t("cli.help.limitAll"))) var limit = 50
        @Flag(help: ArgumentHelp(L10n.t("cli.help.contacts.json"))) var json = false

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
            if list.isEmpty { print(L10n.t("cli.contacts.none")); return }
            let now = Date()
            Output.table(
                ["id", "name", "handle", "reach", "mentions", "sentiment", "roles", "last"].map {
                    L10n.t("cli.contacts.col." + $0)
                },
                list.map { c in
                    [
                        c.id, Output.clip(Output.safe(c.name), 24),
                        Output.clip(Output.safe(c.identities[0].displayHandle), 30)
                            + (c.identities.count > 1 ? " +\(c.identities.count - 1)" : ""),
                        LocalFormat.number(c.reach), Output.count(c.mentionCount),
                        c.averageScore.map { Output.decimal("%+.2f", $0) } ?? "-",
                        ContactsCommand.roleList(c), Output.relative(c.lastSeen, now: now),
                    ]
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.contactsCommand.3"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.contacts.id"))) var id: String
        @Flag(help: ArgumentHelp(L10n.t("cli.help.contacts.weekly"))) var weekly = false
        @Flag(help: ArgumentHelp(L10n.t("cli.help.oneJSON"))) var json = false

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
        L10n.t("cli.contacts.unknownRole", ["role": r, "roles": roleNames])
    }

    /// `multiplier, fan, …`: every role's name (names are typed, so they stay English).
    static var roleNames: String { ContactRole.allCases.map(\.rawValue).joined(separator: ", ") }
}

extension ContactSort: ExpressibleByArgument {}
