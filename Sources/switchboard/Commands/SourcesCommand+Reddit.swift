import ArgumentParser
import Foundation
import Listening
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// The answers only a Reddit source takes (`sources add --type reddit`).
struct RedditAddOptions: ParsableArguments {
    @Option(name: .customLong("subreddit"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.36")))
    var subreddits: [String] = []
    @Flag(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.37"))) var modqueue = false
    @Flag(name: .customLong("no-inbox"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.38"))) var noInbox = false
    @Flag(name: .customLong("no-mentions"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.39"))) var noMentions = false
    @Option(name: .customLong("password-file"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.40")))
    var passwordFile: String?
    @Flag(
        name: .customLong("password-stdin"),
        help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.41")))
    var passwordStdin = false
    @Flag(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.42")))
    var relogin = false
}

extension SourcesAddCommand {
    static let redditRedirect = "http://127.0.0.1:65010/authorize_callback"

    /// A Reddit account: a script app (the account's own password, the password grant) or an installed/web app (the
    /// person approves it in the browser and pastes the address they were sent to); then `/api/v1/me` checks it.
    func addReddit(_ c: inout SourceConfig, dir: DataDirectory, http: HTTPClient) async throws {
        if let a = api {
            c.api = a
            guard c.apiBase != nil else { throw CLIError.usage(L10n.t("cli.apiAddress")) }
        }
        var user = try username ?? ask(L10n.t("cli.reddit.askUser"))
        for p in ["/u/", "u/"] where user.lowercased().hasPrefix(p) { user.removeFirst(p.count) }
        c.username = user
        c.clientID = try clientID ?? ask(L10n.t("cli.reddit.askClient"))
        let subs = reddit.subreddits.map { (raw: $0, name: RedditSource.subreddit($0)) }
        if let bad = subs.first(where: { $0.name == nil }) {
            throw CLIError.usage(L10n.t("cli.reddit.badSubreddit", ["name": Output.safe(bad.raw)]))
        }
        if !subs.isEmpty { c.subreddits = subs.compactMap(\.name) }
        if reddit.modqueue { c.modqueue = true }
        (c.inbox, c.mentions) = (!reddit.noInbox, !reddit.noMentions)
        if c.interval == nil { c.interval = "2m" }
        c.tokenFile = tokenFile ?? "secrets/\(c.id).token"
        c.secretFile = clientSecretFile
        try await redditLogin(&c, dir: dir, http: http)
    }

    /// `--relogin`: a new token for the Reddit source `id` (after `needs_login`), its other settings kept.
    func reloginReddit(_ id: String, dir: DataDirectory) async throws {
        var team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        guard let i = team.sources.firstIndex(where: { $0.id == id && $0.type.lowercased() == "reddit" }) else {
            throw CLIError.usage(L10n.t("cli.reddit.noSource", ["id": Output.safe(id)]))
        }
        var c = team.sources[i]
        if let f = clientSecretFile { c.secretFile = f }
        if let f = tokenFile { c.tokenFile = f }
        try await redditLogin(&c, dir: dir, http: URLSessionHTTPClient(timeout: 30))
        team.sources[i] = c
        try StarterKit.writeJSON(team, to: dir.teamFile)
        print(L10n.t("cli.reddit.resumes", ["id": id]))
    }

    /// Gets a token for `c` (a script app's password grant, or an installed app's code) and checks it.
    func redditLogin(_ c: inout SourceConfig, dir: DataDirectory, http: HTTPClient) async throws {
        let user = c.username ?? ""
        let script = reddit.passwordFile != nil || reddit.passwordStdin || (reddit.relogin && c.passwordFile != nil)
        let haveToken = tokenFile != nil
        if script || (!haveToken && code == nil && interactive && askScriptApp()) {
            try redditScriptSecrets(&c, dir: dir)
            if noVerify { return }
            let source = try RedditSource(config: c, dataDir: dir, http: http)
            try source.auth.tokens.save(try await call { try await source.auth.passwordGrant() })
            print(L10n.t("cli.reddit.passwordGrant", ["path": c.tokenFile ?? ""]))
        } else if !haveToken {
            if c.secretFile == nil, interactive {
                let s =
                    getpass(L10n.t("cli.reddit.askSecretOptional") + ": ")
                    .map { String(cString: $0) }?.trimmingCharacters(in: .whitespaces) ?? ""
                if !s.isEmpty {
                    c.secretFile = try saveSecret(
                        s, "secrets/\(c.id).secret", what: L10n.t("cli.reddit.appSecret"), dir)
                }
            }
            let redirect = redirectURI ?? SourcesAddCommand.redditRedirect
            let state = OAuthState.random()
            var pasted = code
            if pasted == nil {
                guard interactive else {
                    throw CLIError.usage(L10n.t("cli.reddit.giveCode"))
                }
                let url = RedditAuth.authorizeURL(
                    base: c.apiBase, clientID: c.clientID ?? "", state: state, redirectURI: redirect)
                print("\n" + L10n.t("cli.reddit.openAddress", ["user": Output.safe(user)]) + "\n\n  \(url)\n")
                pasted = try ask(L10n.t("cli.reddit.askPasted"))
            }
            let theCode = try RedditCall.run {
                try RedditAuth.code(fromPasted: pasted ?? "", state: code == nil ? state : nil)
            }
            let source = try RedditSource(config: c, dataDir: dir, http: http)
            let token = try await call { try await source.auth.exchange(code: theCode, redirectURI: redirect) }
            try source.auth.tokens.save(token)
            print(L10n.t("cli.reddit.savedToken", ["path": c.tokenFile ?? ""]))
        }
        if noVerify { return }
        let source = try RedditSource(config: c, dataDir: dir, http: http)
        let me = try await call { try await source.verify() }
        guard me.lowercased() == user.lowercased() else {
            throw CLIError.failure(L10n.t("cli.reddit.otherUser", ["me": Output.safe(me), "user": Output.safe(user)]))
        }
        print(L10n.t("cli.sourcesAdd.loggedIn", ["who": "u/" + Output.safe(me)]))
    }

    func askScriptApp() -> Bool {
        print(
            L10n.t("cli.reddit.scriptOrBrowser"))
        let a = (try? ask(L10n.t("cli.reddit.askScript"))) ?? "n"
        return a.lowercased().hasPrefix("y") || a.lowercased().hasPrefix("j")
    }

    /// The script app's secret and the account's password: existing files, stdin, or asked for (saved mode 0600).
    func redditScriptSecrets(_ c: inout SourceConfig, dir: DataDirectory) throws {
        if c.secretFile == nil {
            guard interactive, let s = getpass(L10n.t("cli.reddit.askSecret") + ": ").map({ String(cString: $0) }),
                !s.isEmpty
            else {
                throw CLIError.usage(L10n.t("cli.reddit.secretNeeded"))
            }
            c.secretFile = try saveSecret(s, "secrets/\(c.id).secret", what: L10n.t("cli.reddit.appSecret"), dir)
        }
        if let f = reddit.passwordFile {
            c.passwordFile = f
            return
        }
        if c.passwordFile != nil && !reddit.passwordStdin && !interactive { return }
        var pass: String?
        if reddit.passwordStdin {
            pass = readLine(strippingNewline: true)
        } else if interactive {
            pass = getpass(L10n.t("cli.reddit.askPassword", ["user": c.username ?? ""]) + ": ").map {
                String(cString: $0)
            }
        }
        guard let p = pass, !p.isEmpty else { throw CLIError.failure(L10n.t("cli.reddit.noPassword")) }
        c.passwordFile = try saveSecret(p, "secrets/\(c.id).password", what: L10n.t("cli.reddit.password"), dir)
    }

    func saveSecret(_ value: String, _ path: String, what: String, _ dir: DataDirectory) throws -> String {
        try Secrets.write(value, to: dir.root.appendingPathComponent(path))
        print(L10n.t("cli.sourcesAdd.saved", ["what": what, "path": path]))
        return path
    }
}

/// A random `state` for the authorisation (hex, 16 characters).
enum OAuthState {
    static func random() -> String { (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined() }
}

/// Turns a connector error from a local step into a clean failure.
enum RedditCall {
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as SourceError { throw CLIError.failure(Output.safe(e.description)) }
    }
}
