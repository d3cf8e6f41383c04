import DemoNetwork
import Foundation
import Listening
import SwitchboardCore

extension SourcesAddCommand {
    /// X: OAuth 2.0 with PKCE (a redirect to a tiny listener on 127.0.0.1, or a pasted address), or a token obtained
    /// elsewhere (`--token-file`, `--token-stdin`); then one call to `/2/users/me` finds the account's id.
    func addX(_ c: inout SourceConfig, dir: DataDirectory, http: HTTPClient) async throws {
        if let api {
            c.api = api
            guard c.apiBase != nil else { throw CLIError.usage(L10n.t("cli.apiAddress")) }
        }
        if noVerify {
            throw CLIError.usage(
                L10n.t("cli.x.needsVerify"))
        }
        c.mentions = noNotifications ? false : true
        if c.interval == nil { c.interval = "2m" }
        if let b = readBudget {
            guard b >= 0 else { throw CLIError.usage(L10n.t("cli.x.budgetNegative")) }
            c.monthlyReadBudget = b
        }
        if let clientID { c.clientID = clientID }
        let path = "secrets/\(c.id).token"
        if let f = tokenFile {
            c.tokenFile = f
        } else if tokenStdin {
            guard let t = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces), !t.isEmpty else {
                throw CLIError.failure(L10n.t("cli.sourcesAdd.noToken"))
            }
            try OAuthTokenStore(file: dir.secretPath(path), what: "X token").save(OAuthToken(accessToken: t))
            c.tokenFile = path
        } else {
            let cid =
                try clientID ?? ask(L10n.t("cli.x.askClient"))
            c.clientID = cid
            let token = try await xLogin(clientID: cid, base: c.apiBase ?? X.defaultBase, http: http)
            try saveLogin(token, to: &c, dir: dir, note: "; " + L10n.t("cli.sourcesAdd.renewed"), label: "X token")
        }
        let me = try await call { try await XSource.account(config: c, dataDir: dir, http: http) }
        c.userID = me.id
        let budget =
            c.monthlyReadBudget.map { " " + L10n.t("cli.x.ofBudget", ["budget": XSource.grouped($0)]) }
            ?? " (" + L10n.t("cli.x.noBudget") + ")"
        print(
            L10n.t("cli.x.loggedIn", ["user": Output.safe(me.username), "id": Output.safe(me.id)]).dropLast() + budget
                + ".")
    }

    /// The authorisation code flow: prints the address to open, then takes the code from the redirect to
    /// 127.0.0.1 (or from what the person pastes) and exchanges it.
    func xLogin(clientID: String, base: URL, http: HTTPClient) async throws -> OAuthToken {
        let pkce = XOAuth.PKCE()
        let redirect = "http://127.0.0.1:\(redirectPort)/callback"
        let page = authorizeURL.flatMap(URL.init(string:)) ?? XOAuth.authorizeURL
        let url = XOAuth.authorizeURL(
            clientID: clientID, redirectURI: redirect, pkce: pkce, base: page, directMessages: directMessages)
        print("Your X app must list \(redirect) as a callback URL. Open this address, log in and approve Switchboard:")
        print("\n  \(url.absoluteString)\n")
        let code: String
        if pasteCode {
            print("Then paste the address your browser went to (it starts with \(redirect)), or the code in it:")
            Output.flush()
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CLIError.failure(L10n.t("cli.cancelled"))
            }
            code = try call { try XOAuth.code(fromPasted: line, state: pkce.state) }
        } else {
            code = try await xRedirect(state: pkce.state)
        }
        return try await call {
            try await XOAuth.exchange(
                code: code, verifier: pkce.verifier, clientID: clientID, redirectURI: redirect, base: base, http: http)
        }
    }

    /// Waits (up to ten minutes) for the browser's redirect on 127.0.0.1 and returns its code.
    func xRedirect(state: String) async throws -> String {
        final class Box: @unchecked Sendable {
            let lock = NSLock()
            var result: Result<String, Error>?
        }
        let box = Box()
        let server: LoopbackServer
        do {
            server = try LoopbackServer(port: redirectPort) { r in
                guard r.path == "/callback" else { return .init(status: 404, body: Data()) }
                let outcome = Result { try XOAuth.code(fromPasted: "?" + r.query, state: state) }
                box.lock.withLock { if box.result == nil { box.result = outcome } }
                let text = "Switchboard: you can close this window and return to the terminal."
                return .init(status: 200, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Data(text.utf8))
            }
        } catch {
            throw CLIError.failure(
                "cannot listen on 127.0.0.1:\(redirectPort) (\(error)): pick another --redirect-port, "
                    + "or use --paste-code"
            )
        }
        defer { server.stop() }
        print("Waiting for X to send the browser back to 127.0.0.1:\(redirectPort) …")
        Output.flush()
        for _ in 0..<(10 * 60 * 10) {
            if let r = box.lock.withLock({ box.result }) {
                do { return try r.get() } catch let e as SourceError {
                    throw CLIError.failure(Output.safe(e.description))
                }
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw CLIError.failure("no answer from the browser within ten minutes; run the command again")
    }

    func call<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as SourceError { throw CLIError.failure(Output.safe(e.description)) }
    }
}
