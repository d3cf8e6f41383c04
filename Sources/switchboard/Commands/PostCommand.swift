import ArgumentParser
import Foundation
import Listening
import SwitchboardCore

/// `switchboard post edit KEY --text …` and `switchboard post delete KEY [--yes]`: take back or correct the brand's
/// own posts and replies on their network; the confirmation shows what will change, the log keeps every version.
struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post",
        abstract: L10n.t("cli.abstract.postCommand.1"),
        subcommands: [Edit.self, Delete.self])

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.postCommand.2"),
            discussion: L10n.t("cli.discussion.post.edit"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.post.key"))) var key: String
        @Option(help: ArgumentHelp(L10n.t("cli.help.post.text"))) var text: String
        @Flag(help: ArgumentHelp(L10n.t("cli.help.yes"))) var yes = false

        func run() async throws {
            let new = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !new.isEmpty else { throw CLIError.failure(L10n.t("post.edit.empty")) }
            let (store, team, t) = try PostCommand.open(global, key)
            if new == t.text { throw CLIError.failure(L10n.t("post.edit.same", ["key": t.key])) }
            let what = L10n.t(
                "post.edit.confirm",
                [
                    "network": Moderation.networkName(t.network), "account": Output.safe(t.account),
                    "old": Output.safe(t.text), "new": Output.safe(new),
                ])
            try PostCommand.confirm(what, yes: yes)
            try await PostCommand.op(t) {
                try await OwnPosts.edit(
                    t, to: new, store: store, team: team, http: URLSessionHTTPClient(timeout: 30),
                    actor: Actor.current())
            }
            print(L10n.t("post.edit.done", ["key": t.key, "network": Moderation.networkName(t.network)]))
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.postCommand.3"),
            discussion: L10n.t("cli.discussion.post.delete"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.post.key"))) var key: String
        @Flag(help: ArgumentHelp(L10n.t("cli.help.yes"))) var yes = false

        func run() async throws {
            let (store, team, t) = try PostCommand.open(global, key)
            let what = L10n.t(
                "post.delete.confirm",
                [
                    "network": Moderation.networkName(t.network), "account": Output.safe(t.account),
                    "text": Output.safe(t.text),
                ])
            try PostCommand.confirm(what, yes: yes)
            try await PostCommand.op(t) {
                try await OwnPosts.delete(
                    t, store: store, team: team, http: URLSessionHTTPClient(timeout: 30), actor: Actor.current())
            }
            print(L10n.t("post.delete.done", ["key": t.key, "network": Moderation.networkName(t.network)]))
        }
    }

    static func open(_ global: GlobalOptions, _ key: String) throws -> (Store, TeamConfig, OwnPosts.Target) {
        let (store, k) = try global.openStore(resolving: key, quiet: false)
        let team = try FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile)
        do {
            return (store, team, try OwnPosts.target(store: store, key: k, own: OwnAccounts(team: team)))
        } catch let e as PublishError { throw CLIError.failure(Output.safe(e.description)) }
    }

    /// Prints what will change; asks on a terminal unless `yes`; without a terminal, `--yes` is needed.
    static func confirm(_ what: String, yes: Bool) throws {
        print(what)
        if yes { return }
        guard isatty(0) == 1 else { throw CLIError.failure(L10n.t("post.confirm.needs.yes")) }
        Output.flush()
        Output.writeStderr(L10n.t("post.confirm.ask") + " ")
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard answer.hasPrefix("y") || answer.hasPrefix("j") else { throw CLIError.failure(L10n.t("post.kept")) }
    }

    static func op(_ t: OwnPosts.Target, _ body: () async throws -> AuditEvent) async throws {
        do { _ = try await body() } catch let e as PublishError {
            throw CLIError.failure(L10n.t("post.failed", ["key": t.key, "why": Output.safe(e.description)]))
        }
    }
}
