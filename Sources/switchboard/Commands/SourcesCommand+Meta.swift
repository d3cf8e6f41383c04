import ArgumentParser
import Foundation
import Listening
import SwitchboardCore

/// The flags of `sources add` for Instagram, Facebook and Threads.
struct MetaAddOptions: ParsableArguments {
    @Option(name: .customLong("account-id"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.30"))) var accountID:
        String?
    @Option(name: .customLong("page-id"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.31"))) var pageID: String?
    @Option(name: .customLong("user-id"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.32"))) var userID: String?
    @Option(
        name: .customLong("client-token-file"),
        help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.33")))
    var clientTokenFile: String?
    @Flag(name: .customLong("device-login"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.34")))
    var deviceLogin = false
    @Option(name: .customLong("keyword"), help: ArgumentHelp(L10n.t("cli.help.sourcesAdd.35"))) var keywords: [String] =
        []
}

extension SourcesAddCommand {
    static let metaScopes: [String: [String]] = [
        "facebook": [
            "pages_show_list", "pages_read_engagement", "pages_read_user_content", "pages_manage_engagement",
            "pages_manage_posts",
        ],
        "instagram": [
            "pages_show_list", "instagram_basic", "instagram_manage_comments", "instagram_content_publish",
            "pages_read_engagement",
        ],
        "threads": [
            "threads_basic", "threads_read_replies", "threads_manage_replies", "threads_keyword_search",
            "threads_manage_mentions", "threads_content_publish",
        ],
    ]

    /// Instagram, Facebook or Threads: the account id, a token (device login, pasted, or a file), exchanged for a
    /// long-lived one when the app secret is given, a Page token for a Page, saved as JSON with its expiry.
    func addMeta(_ c: inout SourceConfig, dir: DataDirectory, http: HTTPClient) async throws {
        let kind = c.type
        switch kind {
        case "instagram": c.accountID = try meta.accountID ?? ask(L10n.t("cli.meta.askInstagram"))
        case "facebook": c.pageID = try meta.pageID ?? ask(L10n.t("cli.meta.askPage"))
        default: c.userID = try meta.userID ?? ask(L10n.t("cli.meta.askThreads"))
        }
        (c.clientID, c.secretFile, c.api) = (clientID, clientSecretFile, api)
        if !meta.keywords.isEmpty { c.keywords = meta.keywords }
        if c.interval == nil { c.interval = "5m" }
        let fbHost: Graph.Host = kind == "threads" ? .threads : .facebook
        let label = "\(kind) source \(c.id)"
        if let f = tokenFile {
            c.tokenFile = f
        } else if let cmd = tokenCommand {
            c.tokenCommand = cmd
        } else {
            var token = try await obtainMetaToken(kind: kind, dir: dir, http: http, config: c)
            let host = kind == "instagram" ? Graph.instagramHost(for: token) : fbHost
            if let sf = clientSecretFile {
                let secret = try Secrets.resolve(file: sf, command: nil, dataDir: dir, what: "app secret of \(c.id)")
                let oauth = GraphOAuth(host: host, base: Graph.base(host, config: c), http: http, label: label)
                token = try await call {
                    try await oauth.exchange(shortLived: token.accessToken, clientID: clientID, secret: secret)
                }
                print(
                    L10n.t("cli.meta.exchanged")
                        + (token.expiresAt.map {
                            " (" + L10n.t("cli.meta.validUntil", ["at": LocalFormat.moment($0)]) + ")"
                        }
                            ?? "") + ".")
            }
            if kind == "facebook", !noVerify, let page = c.pageID {
                let oauth = GraphOAuth(
                    host: .facebook, base: Graph.base(.facebook, config: c), http: http, label: label)
                token = try await call { try await oauth.pageToken(token, page: page) }
            }
            try saveLogin(token, to: &c, dir: dir)
        }
        if noVerify { return }
        let who = try await call { try await verifyMeta(c, dir: dir, http: http) }
        print(L10n.t("cli.meta.connected", ["who": who]))
    }

    /// A token from stdin, Facebook Login for Devices, or pasted in the terminal.
    func obtainMetaToken(kind: String, dir: DataDirectory, http: HTTPClient, config c: SourceConfig) async throws
        -> OAuthToken
    {
        if tokenStdin {
            guard let t = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces), !t.isEmpty else {
                throw CLIError.failure(L10n.t("cli.sourcesAdd.noToken"))
            }
            return OAuthToken(accessToken: t)
        }
        if meta.deviceLogin {
            guard kind != "threads" else {
                throw CLIError.usage(L10n.t("cli.meta.noDeviceLogin"))
            }
            guard let id = clientID, let ctf = meta.clientTokenFile else {
                throw CLIError.usage(L10n.t("cli.meta.deviceNeeds"))
            }
            let ct = try Secrets.resolve(file: ctf, command: nil, dataDir: dir, what: "client token")
            let oauth = GraphOAuth(
                host: .facebook, base: Graph.base(.facebook, config: c), http: http, label: "\(kind) source \(c.id)")
            let app = id + "|" + ct
            let code = try await call {
                try await oauth.startDeviceLogin(appToken: app, scope: SourcesAddCommand.metaScopes[kind] ?? [])
            }
            print("\n" + L10n.t("cli.meta.enterCode", ["url": code.verificationURI, "code": code.userCode]) + "\n")
            Output.flush()
            var wait = max(1, code.interval)
            let deadline = Date().addingTimeInterval(code.expiresIn)
            while Date() < deadline {
                try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
                switch try await call({ try await oauth.deviceStatus(appToken: app, code: code.code) }) {
                case .pending: continue
                case .slowDown: wait += 5
                case .expired: throw CLIError.failure(L10n.t("cli.meta.expired"))
                case .token(let t): return t
                }
            }
            throw CLIError.failure(L10n.t("cli.meta.expired"))
        }
        guard interactive else {
            throw CLIError.usage(L10n.t("cli.meta.giveToken"))
        }
        print(
            L10n.t(
                "cli.meta.createToken", ["scopes": (SourcesAddCommand.metaScopes[kind] ?? []).joined(separator: ", ")]))
        return OAuthToken(accessToken: try ask(L10n.t("cli.meta.accessToken")))
    }

    /// Reads the account the source listens to: "the Facebook Page Acme (123)".
    func verifyMeta(_ c: SourceConfig, dir: DataDirectory, http: HTTPClient) async throws -> String {
        let token = try GraphToken(config: c, dataDir: dir)
        let host: Graph.Host =
            c.type == "threads"
            ? .threads : c.type == "instagram" ? Graph.instagramHost(for: try token.current()) : .facebook
        let client = GraphClient(
            base: Graph.base(host, config: c), host: host, label: "\(c.type) source \(c.id)", http: http, token: token)
        let id = c.accountID ?? c.pageID ?? c.userID ?? "me"
        let fields = c.type == "facebook" ? "id,name" : "id,username"
        let r = try await client.get("/\(id)", query: [("fields", fields)])
        struct Who: Decodable { var name: String?, username: String? }
        let w = try client.decode(Who.self, from: r)
        let name = Output.safe(w.name ?? w.username.map { "@" + $0 } ?? id)
        switch c.type {
        case "facebook": return L10n.t("cli.meta.page", ["name": name, "id": Output.safe(id)])
        case "instagram": return L10n.t("cli.meta.instagram", ["name": name, "id": Output.safe(id)])
        default: return L10n.t("cli.meta.threads", ["name": name, "id": Output.safe(id)])
        }
    }
}
