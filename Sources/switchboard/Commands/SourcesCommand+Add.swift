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
        discussion: """
            Interactive when run in a terminal; every answer can be given as a flag instead. Secrets are saved with \
            mode 0600 under secrets/ in the data directory and only their path goes into team.json.
            Examples:
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
    @Option(help: "mastodon, bluesky, instagram, facebook, threads, youtube, x, reddit or rss.") var type: String?
    @Option(help: "A short id for the source (letters, digits, - and _).") var id: String?
    @Option(help: "Mastodon: the server, like https://mastodon.social.") var instance: String?
    @Option(
        name: .customLong("token-file"),
        help:
            "Mastodon, Instagram, Facebook, Threads: an existing file holding the access token (relative to the data directory)."
    ) var tokenFile: String?
    @Option(name: .customLong("token-command"), help: "Mastodon: a command that prints the access token.")
    var tokenCommand: String?
    @Flag(
        name: .customLong("token-stdin"),
        help: "Mastodon, Instagram, Facebook, Threads: read the access token from stdin and save it under secrets/."
    ) var tokenStdin = false
    @Option(help: "Bluesky: the account's handle, like acme.bsky.social.") var handle: String?
    @Option(help: "Bluesky: the PDS (default https://bsky.social).") var service: String?
    @Option(name: .customLong("app-password-file"), help: "Bluesky: an existing file holding the app password.")
    var appPasswordFile: String?
    @Option(name: .customLong("app-password-command"), help: "Bluesky: a command that prints the app password.")
    var appPasswordCommand: String?
    @Flag(
        name: .customLong("app-password-stdin"),
        help: "Bluesky: read the app password from stdin and save it under secrets/.") var appPasswordStdin = false
    @Option(help: "RSS/Atom: the feed URL.") var url: String?
    @Option(name: .customLong("hashtag"), help: "A hashtag to follow (repeatable).") var hashtags: [String] = []
    @Option(name: .customLong("search"), help: "A search term (repeatable).") var search: [String] = []
    @Option(help: "Polling interval (60s, 15m, 1h).") var interval: String?
    @Flag(name: .customLong("no-notifications"), help: "Don't read the account's mentions.") var noNotifications = false
    @Flag(name: .customLong("no-verify"), help: "Don't contact the network to check the source.") var noVerify = false
    @OptionGroup var meta: MetaAddOptions
    @Option(
        name: .customLong("client-id"),
        help:
            "The app's id: the Meta app id, the Google OAuth client id (a Desktop app), the X app's OAuth 2.0 client id, the Reddit app's client id."
    )
    var clientID: String?
    @Option(
        name: [.customLong("client-secret-file"), .customLong("secret-file")],
        help:
            "A file holding the app's secret (Meta: to exchange a short-lived token; Google: the OAuth client's; Reddit: the app's)."
    )
    var clientSecretFile: String?
    @Option(help: "A base URL replacing the network's API address (a proxy, a test server).") var api: String?
    @Option(name: .customLong("channel-id"), help: "YouTube: the channel's id (UC…).") var channelID: String?
    @Option(help: "YouTube: browser (replies and moderation) or device (reading only).") var auth: String?
    @Option(name: .customLong("daily-quota"), help: "YouTube: quota units a day (default 10000).") var dailyQuota: Int?
    @Option(name: .customLong("oauth-base"), help: .hidden) var oauthBase: String?
    @Option(name: .customLong("read-budget"), help: "X: posts the source may read a month (X charges per read).")
    var readBudget: Int?
    @Option(
        name: .customLong("redirect-port"),
        help: "X: the port of the login's redirect to http://127.0.0.1:PORT/callback (default 8765).")
    var redirectPort: UInt16 = 8765
    @Flag(
        name: .customLong("paste-code"),
        help: "X: paste the address the browser shows after approving, instead of the redirect to 127.0.0.1.")
    var pasteCode = false
    @Option(name: .customLong("authorize-url"), help: .hidden) var authorizeURL: String?
    @Flag(
        name: .customLong("direct-messages"),
        help: "Bluesky, X, Facebook, Instagram: read the account's private messages too (X asks for dm.read dm.write).")
    var directMessages = false
    @Option(help: "Reddit: the account's user name.") var username: String?
    @Option(help: "Reddit: the redirect address (or its code) after approving the app.") var code: String?
    @Option(name: .customLong("redirect-uri"), help: "Reddit: the app's redirect URI.") var redirectURI: String?
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
            try type ?? ask("Type of source (mastodon, bluesky, instagram, facebook, threads, youtube, x, reddit, rss)")
        let sid = try id ?? ask("An id for it (like masto, bsky, alerts)")
        guard !sid.isEmpty, sid.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { throw CLIError.usage("the id may hold letters, digits, - and _ only") }
        if reddit.relogin { return try await reloginReddit(sid, dir: dir) }
        guard !team.sources.contains(where: { $0.id == sid }) else {
            throw CLIError.failure("team.json has a source \"\(sid)\" already")
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
            throw CLIError.usage(
                "unknown type \"\(kind)\": mastodon, bluesky, instagram, facebook, threads, youtube, x, reddit or rss")
        }
        team.sources.append(c)
        try StarterKit.writeJSON(team, to: dir.teamFile)
        print(
            "Added source \"\(sid)\" to team.json.\(Listener.isRunning(dir: dir) ? " The running listener picks it up within 30 s." : " Start listening with `switchboard listen`.")"
        )
    }

    // MARK: Mastodon

    func addMastodon(_ c: inout SourceConfig, dir: DataDirectory, http: HTTPClient) async throws {
        let raw = try instance ?? ask("Mastodon server (like https://mastodon.social)")
        let inst = raw.hasPrefix("http") ? raw : "https://" + raw
        guard let base = URL(string: inst), base.host != nil else {
            throw CLIError.usage("\(raw) is not a server address")
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
                    "Paste an access token (Preferences → Development), or press Enter to authorise in the browser",
                    allowEmpty: true)
                if !pasted.isEmpty {
                    token = pasted
                } else {
                    let app = try await call { try await oauth.registerApp() }
                    print(
                        "\nOpen this address, log in and approve Switchboard:\n\n  "
                            + "\(oauth.authorizeURL(clientID: app.clientId).absoluteString)\n"
                    )
                    let code = try ask("Paste the authorisation code shown")
                    token = try await call { try await oauth.exchange(code: code, app: app) }
                }
            } else {
                throw CLIError.usage("give --token-file, --token-command or --token-stdin (or run in a terminal)")
            }
            guard let t = token, !t.isEmpty else { throw CLIError.failure("no token given") }
            let path = "secrets/\(c.id).token"
            try Secrets.write(t, to: dir.root.appendingPathComponent(path))
            c.tokenFile = path
            print("Saved the token to \(path) (mode 0600).")
        }
        if noVerify { return }
        let t = try Secrets.resolve(
            file: c.tokenFile, command: c.tokenCommand, dataDir: dir, what: "token of source \(c.id)")
        let account = try await call { try await oauth.verify(token: t) }
        print("Logged in as @\(Output.safe(account.acct))@\(base.host ?? "").")
    }

    // MARK: Bluesky

    func addBluesky(_ c: inout SourceConfig, dir: DataDirectory, http: HTTPClient) async throws {
        var h = try handle ?? ask("Bluesky handle (like acme.bsky.social)")
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
                print(
                    "Create an app password at https://bsky.app/settings/app-passwords (never use the account "
                        + "password)."
                )
                pass = getpass("App password: ").map { String(cString: $0) }
            } else {
                throw CLIError.usage(
                    "give --app-password-file, --app-password-command or --app-password-stdin (or run in a terminal)")
            }
            guard let p = pass?.trimmingCharacters(in: .whitespaces), !p.isEmpty else {
                throw CLIError.failure("no app password given")
            }
            let path = "secrets/\(c.id).pass"
            try Secrets.write(p, to: dir.root.appendingPathComponent(path))
            c.appPasswordFile = path
            print("Saved the app password to \(path) (mode 0600).")
        }
        if noVerify { return }
        let source = try BlueskySource(config: c, dataDir: dir, http: http)
        let who = try await call { try await source.verifyLogin() }
        print(
            "Logged in as @\(Output.safe(who.handle)) (\(Output.safe(who.did))); the session is kept in "
                + "state/bluesky-\(c.id).session.json."
        )
    }

    // MARK: Feeds

    func addFeed(_ c: inout SourceConfig, http: HTTPClient) async throws {
        let u = try url ?? ask("Feed URL")
        guard let feedURL = URL(string: u), feedURL.scheme == "http" || feedURL.scheme == "https" else {
            throw CLIError.usage("\(u) is not an http(s) URL")
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
            print("Feed \"\(Output.safe(feed.title ?? "untitled"))\" with \(feed.entries.count) entries.")
        } catch {
            throw CLIError.failure("\(u) is reachable but not an RSS/Atom feed: \(Output.safe("\(error)"))")
        }
    }

    // MARK: Helpers

    func ask(_ prompt: String, allowEmpty: Bool = false) throws -> String {
        guard interactive else {
            throw CLIError.usage("missing a value for: \(prompt) (give it as a flag, see --help)")
        }
        while true {
            Output.write("\(prompt): ")
            Output.flush()
            guard let line = readLine(strippingNewline: true) else { throw CLIError.failure("cancelled") }
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
