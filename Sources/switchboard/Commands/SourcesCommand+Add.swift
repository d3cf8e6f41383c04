import ArgumentParser
import Foundation
import Listening
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// `switchboard sources add`: walks a person through adding a Mastodon account (out-of-band OAuth or a pasted
/// token), a Bluesky account (handle + app password) or a feed, checks it works, and appends it to team.json.
/// Every prompt has a flag, so scripts and tests can run it without a terminal.
struct SourcesAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: L10n.t("cli.abstract.sourcesCommandAdd.1"),
        discussion: L10n.t("cli.discussion.sourcesAdd") + "\n" + L10n.t("cli.sourcesAdd.examples") + "\n" + """
              switchboard sources add --type mastodon --id masto --instance https://mastodon.social --hashtag acme
              switchboard sources add --type mastodon --id masto --instance https://mastodon.social --token-file \
              secrets/masto.token
              switchboard sources add --type bluesky --id bsky --handle acme.bsky.social --app-password-stdin < pass.txt
              switchboard sources add --type rss --id alerts --url https://www.google.com/alerts/feeds/123/456
              switchboard sources add --type facebook --id fb --page-id 1234 --client-id 5678 \
              --secret-file secrets/meta-app.secret --token-stdin < user-token.txt
              switchboard sources add --type instagram --id ig --account-id 1784 --device-login --client-id 5678 \
              --client-token-file secrets/meta-client.token --hashtag acme
              switchboard sources add --type youtube --id yt --channel-id UCa-vrCLQHviTOVnEKDOdetQ --client-id \
              123-abc.apps.googleusercontent.com --search "Acme Cloud"
              switchboard sources add --type reddit --id reddit --username acme --client-id ID --subreddit acme
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.1"))) var type: String?
    @Option(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.2"))) var id: String?
    @Option(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.3"))) var instance: String?
    @Option(
        name: .customLong("token-file"),
        help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.4"))
    ) var tokenFile: String?
    @Option(name: .customLong("token-command"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.5")))
    var tokenCommand: String?
    @Flag(
        name: .customLong("token-stdin"),
        help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.6"))
    ) var tokenStdin = false
    @Option(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.7"))) var handle: String?
    @Option(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.8"))) var service: String?
    @Option(name: .customLong("app-password-file"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.9")))
    var appPasswordFile: String?
    @Option(name: .customLong("app-password-command"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.10")))
    var appPasswordCommand: String?
    @Flag(
        name: .customLong("app-password-stdin"),
        help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.11"))) var appPasswordStdin = false
    @Option(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.12"))) var url: String?
    @Option(name: .customLong("hashtag"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.13"))) var hashtags: [String] =
        []
    @Option(name: .customLong("search"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.14"))) var search: [String] = []
    @Option(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.15"))) var interval: String?
    @Flag(name: .customLong("no-notifications"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.16")))
    var noNotifications = false
    @Flag(name: .customLong("no-verify"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.17"))) var noVerify = false
    @OptionGroup var meta: MetaAddOptions
    @Option(
        name: .customLong("client-id"),
        help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.18"))
    )
    var clientID: String?
    @Option(
        name: [.customLong("client-secret-file"), .customLong("secret-file")],
        help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.19"))
    )
    var clientSecretFile: String?
    @Option(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.20"))) var api: String?
    @Option(name: .customLong("channel-id"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.21"))) var channelID:
        String?
    @Option(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.22"))) var auth: String?
    @Option(name: .customLong("daily-quota"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.23"))) var dailyQuota: Int?
    @Option(name: .customLong("oauth-base"), help: .hidden) var oauthBase: String?
    @Option(name: .customLong("read-budget"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.24")))
    var readBudget: Int?
    @Option(
        name: .customLong("redirect-port"),
        help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.25")))
    var redirectPort: UInt16 = 8765
    @Flag(
        name: .customLong("paste-code"),
        help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.26")))
    var pasteCode = false
    @Option(name: .customLong("authorize-url"), help: .hidden) var authorizeURL: String?
    @Flag(name: .customLong("direct-messages"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.directMessages")))
    var directMessages = false
    @Option(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.27"))) var username: String?
    @Option(help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.28"))) var code: String?
    @Option(name: .customLong("redirect-uri"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.29"))) var redirectURI:
        String?
    @OptionGroup var reddit: RedditAddOptions

    var interactive: Bool { isatty(0) == 1 }

    mutating func run() async throws {
        let dir = global.directory
        guard dir.exists else {
            throw CLIError.failure(
                L10n.t("cli.noDataDir", ["path": dir.root.path]))
        }
        var team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        let kind =
            try type ?? ask(L10n.t("cli.sourcesAdd.askType"))
        let sid = try id ?? ask(L10n.t("cli.sourcesAdd.askId"))
        guard !sid.isEmpty, sid.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { throw CLIError.usage(L10n.t("cli.sourcesAdd.badId")) }
        if reddit.relogin { return try await reloginReddit(sid, dir: dir) }
        guard !team.sources.contains(where: { $0.id == sid }) else {
            throw CLIError.failure(L10n.t("cli.sourcesAdd.exists", ["id": sid]))
        }
        var c = SourceConfig(id: sid, type: kind.lowercased())
        c.interval = interval
        if !hashtags.isEmpty { c.hashtags = hashtags }
        if !search.isEmpty { c.search = search }
        if directMessages { c.directMessages = true }
        let http = URLSessionHTTPClient(timeout: 30)
        switch c.type {
        case "mastodon": try await addMastodon(&c, dir: dir, http: http)
        case "bluesky": try await addBluesky(&c, dir: dir, http: http)
        case "rss": try await addFeed(&c, http: http)
        case "instagram", "facebook", "threads": try await addMeta(&c, dir: dir, http: http)
        case "youtube": try await addYouTube(&c, dir: dir, http: http)
        case "x": try await addX(&c, dir: dir, http: http)
        case "reddit": try await addReddit(&c, dir: dir, http: http)
        default:
            throw CLIError.usage(L10n.t("cli.sourcesAdd.unknownType", ["type": kind]))
        }
        team.sources.append(c)
        try StarterKit.writeJSON(team, to: dir.teamFile)
        print(
            L10n.t("cli.sourcesAdd.added", ["id": sid]) + " "
                + L10n.t(Listener.isRunning(dir: dir) ? "cli.sourcesAdd.pickedUp" : "cli.sourcesAdd.startListening"))
    }

    // MARK: Mastodon

    func addMastodon(_ c: inout SourceConfig, dir: DataDirectory, http: HTTPClient) async throws {
        let raw = try instance ?? ask(L10n.t("cli.sourcesAdd.askMastodon"))
        let inst = raw.hasPrefix("http") ? raw : "https://" + raw
        guard let base = URL(string: inst), base.host != nil else {
            throw CLIError.usage(L10n.t("cli.sourcesAdd.notServer", ["value": raw]))
        }
        c.instance = inst
        c.notifications = noNotifications ? false : true
        if c.interval == nil { c.interval = "60s" }
        let oauth = MastodonOAuth(instance: base, http: http)
        var token: String?
        if let f = tokenFile {
            c.tokenFile = f
        } else if let cmd = tokenCommand {
            c.tokenCommand = cmd
        } else {
            if tokenStdin {
                token = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
            } else if interactive {
                let pasted = try ask(
                    L10n.t("cli.sourcesAdd.askToken"),
                    allowEmpty: true)
                if !pasted.isEmpty {
                    token = pasted
                } else {
                    let app = try await call { try await oauth.registerApp() }
                    print(
                        "\n" + L10n.t("cli.sourcesAdd.openAddress") + "\n\n  "
                            + "\(oauth.authorizeURL(clientID: app.clientId).absoluteString)\n"
                    )
                    let code = try ask(L10n.t("cli.sourcesAdd.askCode"))
                    token = try await call { try await oauth.exchange(code: code, app: app) }
                }
            } else {
                throw CLIError.usage(L10n.t("cli.sourcesAdd.giveToken"))
            }
            guard let t = token, !t.isEmpty else { throw CLIError.failure(L10n.t("cli.sourcesAdd.noToken")) }
            let path = "secrets/\(c.id).token"
            try Secrets.write(t, to: dir.root.appendingPathComponent(path))
            c.tokenFile = path
            print(L10n.t("cli.sourcesAdd.savedToken", ["path": path]))
        }
        if noVerify { return }
        let t = try Secrets.resolve(
            file: c.tokenFile, command: c.tokenCommand, dataDir: dir,
            what: L10n.t("cli.sourcesAdd.tokenOf", ["id": c.id]))
        let account = try await call { try await oauth.verify(token: t) }
        print(L10n.t("cli.sourcesAdd.loggedIn", ["who": "@\(Output.safe(account.acct))@\(base.host ?? "")"]))
    }

    // MARK: Bluesky

    func addBluesky(_ c: inout SourceConfig, dir: DataDirectory, http: HTTPClient) async throws {
        var h = try handle ?? ask(L10n.t("cli.sourcesAdd.askHandle"))
        if h.hasPrefix("@") { h.removeFirst() }
        c.handle = h
        if let s = service { c.service = s }
        c.notifications = noNotifications ? false : true
        if c.interval == nil { c.interval = "60s" }
        if let f = appPasswordFile {
            c.appPasswordFile = f
        } else if let cmd = appPasswordCommand {
            c.appPasswordCommand = cmd
        } else {
            var pass: String?
            if appPasswordStdin {
                pass = readLine(strippingNewline: true)
            } else if interactive {
                print(L10n.t("cli.sourcesAdd.createAppPassword"))
                pass = getpass(L10n.t("cli.sourcesAdd.appPassword") + ": ").map { String(cString: $0) }
            } else {
                throw CLIError.usage(L10n.t("cli.sourcesAdd.givePassword"))
            }
            guard let p = pass?.trimmingCharacters(in: .whitespaces), !p.isEmpty else {
                throw CLIError.failure(L10n.t("cli.sourcesAdd.noPassword"))
            }
            let path = "secrets/\(c.id).pass"
            try Secrets.write(p, to: dir.root.appendingPathComponent(path))
            c.appPasswordFile = path
            print(L10n.t("cli.sourcesAdd.savedPassword", ["path": path]))
        }
        if noVerify { return }
        let source = try BlueskySource(config: c, dataDir: dir, http: http)
        let who = try await call { try await source.verifyLogin() }
        print(
            L10n.t("cli.sourcesAdd.loggedIn", ["who": "@\(Output.safe(who.handle)) (\(Output.safe(who.did)))"])
                .dropLast() + "; " + L10n.t("cli.sourcesAdd.session", ["path": "state/bluesky-\(c.id).session.json"]))
    }

    // MARK: Feeds

    func addFeed(_ c: inout SourceConfig, http: HTTPClient) async throws {
        let u = try url ?? ask(L10n.t("cli.sourcesAdd.askFeed"))
        guard let feedURL = URL(string: u), feedURL.scheme == "http" || feedURL.scheme == "https" else {
            throw CLIError.usage(L10n.t("cli.sourcesAdd.notHTTP", ["value": u]))
        }
        c.url = u
        if c.interval == nil { c.interval = "15m" }
        if noVerify { return }
        let r = try await call {
            try await http.send(
                HTTPRequest(url: feedURL, headers: ["User-Agent": RSSSource.userAgent, "Accept": RSSSource.accept]))
        }
        guard (200..<300).contains(r.status) else { throw CLIError.failure("\(u): HTTP \(r.status)") }
        do {
            let feed = try FeedParser.parse(r.body, url: feedURL, contentType: r.header("content-type"))
            print(
                L10n.t(
                    "cli.sourcesAdd.feed",
                    [
                        "title": Output.safe(feed.title ?? L10n.t("cli.sourcesAdd.untitled")),
                        "count": feed.entries.count,
                    ]))
        } catch {
            throw CLIError.failure(L10n.t("cli.sourcesAdd.notFeed", ["url": u, "error": Output.safe("\(error)")]))
        }
    }

    // MARK: Helpers

    func ask(_ prompt: String, allowEmpty: Bool = false) throws -> String {
        guard interactive else {
            throw CLIError.usage(L10n.t("cli.sourcesAdd.missing", ["prompt": prompt]))
        }
        while true {
            Output.write("\(prompt): ")
            Output.flush()
            guard let line = readLine(strippingNewline: true) else { throw CLIError.failure(L10n.t("cli.cancelled")) }
            let v = line.trimmingCharacters(in: .whitespaces)
            if !v.isEmpty || allowEmpty { return v }
        }
    }

    /// Runs a network step, turning connector errors into a clean failure.
    func call<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let e as SourceError {
            throw CLIError.failure(Output.safe(e.description))
        }
    }
}
