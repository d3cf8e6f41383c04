import DemoNetwork
import Foundation
import Listening
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// `switchboard sources add --type youtube`: the channel, the Google OAuth client, the login (the browser flow with
/// a loopback redirect or a pasted address, which grants youtube.force-ssl for replies and moderation; or the device
/// flow, which Google allows only read scopes), and one cheap check (`channels.list`, 1 quota unit).
extension SourcesAddCommand {
    func addYouTube(_ c: inout SourceConfig, dir: DataDirectory, http: HTTPClient) async throws {
        let ch = try channelID ?? ask(L10n.t("cli.yt.askChannel"))
        guard !ch.isEmpty, ch.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { throw CLIError.usage(L10n.t("cli.yt.badChannel", ["value": ch])) }
        c.channelID = ch
        c.comments = true
        c.dailyQuota = dailyQuota ?? YouTubeQuotaLedger.defaultBudget
        if c.interval == nil { c.interval = "10m" }
        if let a = api { c.api = a }
        if c.api != nil && c.apiBase == nil { throw CLIError.usage(L10n.t("cli.apiAddress")) }
        if let f = tokenFile {
            c.tokenFile = f
        } else {
            let token = try await youTubeLogin(&c, dir: dir, http: http)
            try saveLogin(token, to: &c, dir: dir, what: L10n.t("cli.sourcesAdd.login"))
        }
        if noVerify { return }
        let source = try YouTubeSource(config: c, dataDir: dir, http: http)
        let (title, handle, canWrite) = try await call { try await source.verify() }
        // The channel's own comments are the brand's (never in need of an answer): `handle` marks them.
        if let h = handle { c.handle = h }
        let ledger = YouTubeQuotaLedger(file: YouTubeQuotaLedger.file(dir, id: c.id), budget: c.dailyQuota)
        print(
            L10n.t(
                "cli.yt.channel", ["title": Output.safe(title), "id": ch, "quota": ledger.summary(now: Date()).line]))
        if !canWrite {
            print(
                L10n.t("cli.yt.readOnlyNote"))
        }
    }

    /// Runs the chosen Google login and returns the token.
    func youTubeLogin(_ c: inout SourceConfig, dir: DataDirectory, http: HTTPClient) async throws -> OAuthToken {
        let cid = try clientID ?? ask(L10n.t("cli.yt.askClient"))
        guard !cid.isEmpty else { throw CLIError.usage(L10n.t("cli.yt.clientNeeded")) }
        c.clientID = cid
        var secret: String?
        if let f = clientSecretFile {
            c.secretFile = f
            secret = try Secrets.resolve(file: f, command: nil, dataDir: dir, what: "client secret of \(c.id)")
        } else if interactive {
            let s = getpass(L10n.t("cli.yt.askSecret") + ": ").map { String(cString: $0) } ?? ""
            if !s.isEmpty {
                let path = "secrets/\(c.id).client-secret"
                try Secrets.write(s, to: dir.root.appendingPathComponent(path))
                c.secretFile = path
                secret = s
            }
        }
        var base: URL?
        if let o = oauthBase {
            guard let u = URL(string: o), u.host != nil else { throw CLIError.usage("--oauth-base must be an address") }
            base = u
        }
        let oauth = YouTubeOAuth(clientID: cid, clientSecret: secret, http: http, oauthBase: base)
        switch (auth ?? "browser").lowercased() {
        case "device":
            print(
                L10n.t("cli.yt.deviceReadOnly"))
            let code = try await call { try await oauth.requestDeviceCode() }
            print(
                "\n"
                    + L10n.t(
                        "cli.yt.enterCode",
                        ["url": Output.safe(code.verificationURL), "code": Output.safe(code.userCode)])
                    + "\n"
            )
            print(L10n.t("cli.yt.waiting"))
            return try await call { try await oauth.waitForDevice(code) }
        case "browser":
            guard interactive else {
                throw CLIError.usage(
                    L10n.t("cli.yt.browserNeedsTerminal"))
            }
            return try await browserLogin(oauth)
        default: throw CLIError.usage(L10n.t("cli.yt.authValues"))
        }
    }

    /// The installed-app flow: a loopback redirect catches the code; a pasted address (or code) works too.
    func browserLogin(_ oauth: YouTubeOAuth) async throws -> OAuthToken {
        let box = CodeBox()
        let server = try LoopbackServer { r in
            if let code = r.query("code") {
                box.set(code)
                return .json(#"{"ok":"Switchboard has the code: you can close this tab."}"#)
            }
            if r.query("error") != nil { box.set("") }
            return .json(#"{"error":"no code here"}"#, status: 404)
        }
        defer { server.stop() }
        let redirect = "http://127.0.0.1:\(server.port)"
        let verifier = YouTubeOAuth.newVerifier()
        print("\n" + L10n.t("cli.yt.openAddress") + "\n")
        print("  \(oauth.authorizationURL(redirect: redirect, verifier: verifier).absoluteString)\n")
        print(L10n.t("cli.yt.waitingBrowser"))
        Thread.detachNewThread {
            while let line = readLine(strippingNewline: true) {
                if let c = YouTubeOAuth.code(fromPasted: line) { box.set(c); return }
            }
        }
        let code = box.wait()
        guard !code.isEmpty else { throw CLIError.failure(L10n.t("cli.yt.refused")) }
        return try await call { try await oauth.exchange(code: code, redirect: redirect, verifier: verifier) }
    }
}

/// The first code that arrives, from the loopback redirect or the terminal.
final class CodeBox: @unchecked Sendable {
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)
    private var value: String?

    func set(_ s: String) {
        let first = lock.withLock { () -> Bool in
            guard value == nil else { return false }
            value = s
            return true
        }
        if first { ready.signal() }
    }

    func wait() -> String {
        ready.wait()
        return lock.withLock { value ?? "" }
    }
}
