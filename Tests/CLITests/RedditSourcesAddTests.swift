import Foundation
import SwitchboardCore
import TestSupport
import XCTest

/// `switchboard sources add --type reddit` through the real binary against a loopback Reddit: the script app's
/// password grant, the installed app's pasted redirect, the check with `/api/v1/me`, and clear refusals.
final class RedditSourcesAddTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func newDataDir() throws -> String {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        try FileManager.default.createDirectory(atPath: d + "/secrets", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(
            atPath: d + "/secrets/app.secret", contents: Data("app-s3cret\n".utf8),
            attributes: [.posixPermissions: 0o600])
        return d
    }

    func entry(_ d: String, _ id: String) throws -> [String: Any] {
        let team = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: d + "/team.json")))
        let sources = (team as? [String: Any])?["sources"] as? [[String: Any]] ?? []
        return try XCTUnwrap(sources.first { $0["id"] as? String == id })
    }

    func serveLogin(name: String = "acmecloud") {
        server.on(
            "POST", "/api/v1/access_token",
            .json(#"{"access_token": "tok-new", "token_type": "bearer", "expires_in": 3600, "scope": "*"}"#))
        server.on("GET", "/api/v1/me", .json(#"{"name": "\#(name)", "id": "abc", "is_mod": true}"#))
    }

    func testAScriptAppLogsInSavesThePasswordPrivatelyAndChecksTheAccount() throws {
        let d = try newDataDir()
        serveLogin()
        let r = try CLI.run(
            [
                "sources", "add", "--data-dir", d, "--type", "reddit", "--id", "reddit", "--username", "u/acmecloud",
                "--client-id", "cid", "--client-secret-file", "secrets/app.secret", "--password-stdin",
                "--subreddit", "r/AcmeCloud", "--modqueue", "--search", "acme cloud", "--api",
                server.baseURL.absoluteString,
            ], stdin: "Grüße-ß-pass\n")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Saved the password to secrets/reddit.password (mode 0600)."), r.out)
        XCTAssertTrue(r.out.contains("Logged in as u/acmecloud."), r.out)
        let grant = try XCTUnwrap(server.requests("POST", "/api/v1/access_token").first)
        XCTAssertEqual(
            String(decoding: grant.body, as: UTF8.self),
            "grant_type=password&username=acmecloud&password=Gr%C3%BC%C3%9Fe-%C3%9F-pass")
        XCTAssertEqual(grant.header("authorization"), "Basic " + Data("cid:app-s3cret".utf8).base64EncodedString())
        XCTAssertEqual(server.requests("GET", "/api/v1/me").first?.header("authorization"), "bearer tok-new")
        let e = try entry(d, "reddit")
        XCTAssertEqual(e["type"] as? String, "reddit")
        XCTAssertEqual(e["username"] as? String, "acmecloud")
        XCTAssertEqual(e["subreddits"] as? [String], ["AcmeCloud"])
        XCTAssertEqual(e["modqueue"] as? Bool, true)
        XCTAssertEqual(e["password_file"] as? String, "secrets/reddit.password")
        XCTAssertEqual(e["token_file"] as? String, "secrets/reddit.token")
        XCTAssertEqual(e["interval"] as? String, "2m")
        let team = try String(contentsOfFile: d + "/team.json", encoding: .utf8)
        XCTAssertFalse(team.contains("Grüße-ß-pass") || team.contains("app-s3cret") || team.contains("tok-new"))
        for f in ["secrets/reddit.password", "secrets/reddit.token"] {
            let attrs = try FileManager.default.attributesOfItem(atPath: d + "/" + f)
            XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o600, f)
        }
    }

    func testAnInstalledAppExchangesThePastedRedirect() throws {
        let d = try newDataDir()
        serveLogin()
        let r = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "reddit", "--id", "rd", "--username", "acmecloud",
            "--client-id", "cid", "--code", "http://127.0.0.1:65010/authorize_callback?state=ab12&code=C0DE-1#_",
            "--api", server.baseURL.absoluteString,
        ])
        XCTAssertEqual(r.status, 0, r.err)
        let grant = try XCTUnwrap(server.requests("POST", "/api/v1/access_token").first)
        XCTAssertEqual(
            String(decoding: grant.body, as: UTF8.self),
            "grant_type=authorization_code&code=C0DE-1&redirect_uri=http%3A%2F%2F127.0.0.1%3A65010%2Fauthorize_callback"
        )
        XCTAssertEqual(grant.header("authorization"), "Basic " + Data("cid:".utf8).base64EncodedString())
        XCTAssertTrue(r.out.contains("Logged in as u/acmecloud."), r.out)
        let token = try String(contentsOfFile: d + "/secrets/rd.token", encoding: .utf8)
        XCTAssertTrue(token.contains("\"access_token\" : \"tok-new\""), token)
        XCTAssertTrue(token.contains("expires_at"), token)
    }

    func testRefusalsAreClearAndLeaveTeamJSONAlone() throws {
        let d = try newDataDir()
        let before = try String(contentsOfFile: d + "/team.json", encoding: .utf8)
        server.on("POST", "/api/v1/access_token", .json(#"{"error": "invalid_grant"}"#))
        var r = try CLI.run(
            [
                "sources", "add", "--data-dir", d, "--type", "reddit", "--id", "rd", "--username", "acmecloud",
                "--client-id", "cid", "--client-secret-file", "secrets/app.secret", "--password-stdin", "--api",
                server.baseURL.absoluteString,
            ], stdin: "wrong\n")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("the password or user name is wrong"), r.err)
        r = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "reddit", "--id", "rd", "--username", "acmecloud",
            "--client-id", "cid", "--code", "http://127.0.0.1:65010/authorize_callback?state=x&error=access_denied",
            "--api", server.baseURL.absoluteString,
        ])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("Reddit did not authorise the app: access_denied"), r.err)
        r = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "reddit", "--id", "rd", "--username", "acmecloud",
            "--client-id", "cid", "--subreddit", "not a sub!", "--code", "C0DE", "--no-verify",
        ])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("is not a subreddit name"), r.err)
        serveLogin(name: "someone_else")
        r = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "reddit", "--id", "rd", "--username", "acmecloud",
            "--client-id", "cid", "--code", "C0DE", "--api", server.baseURL.absoluteString,
        ])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("the login belongs to u/someone_else, not u/acmecloud"), r.err)
        XCTAssertEqual(try String(contentsOfFile: d + "/team.json", encoding: .utf8), before)
    }

    func testReloginGetsANewTokenAndKeepsTheSourcesSettings() throws {
        let d = try newDataDir()
        serveLogin()
        let api = server.baseURL.absoluteString
        var r = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "reddit", "--id", "rd", "--username", "acmecloud",
            "--client-id", "cid", "--subreddit", "acmecloud", "--code", "C0DE", "--api", api,
        ])
        XCTAssertEqual(r.status, 0, r.err)
        r = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "reddit", "--id", "rd", "--code", "C0DE", "--api", api,
        ])
        XCTAssertNotEqual(r.status, 0, "a second source with the same id is refused")
        server.on(
            "POST", "/api/v1/access_token",
            .json(#"{"access_token": "tok-2", "refresh_token": "R2", "expires_in": 3600, "scope": "*"}"#))
        r = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "reddit", "--id", "rd", "--relogin", "--code", "NEW",
        ])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Logged in as u/acmecloud."), r.out)
        XCTAssertTrue(r.out.contains("Source \"rd\" resumes with its next poll."), r.out)
        XCTAssertEqual(
            String(decoding: server.requests("POST", "/api/v1/access_token").last!.body, as: UTF8.self),
            "grant_type=authorization_code&code=NEW&redirect_uri=http%3A%2F%2F127.0.0.1%3A65010%2Fauthorize_callback")
        let token = try String(contentsOfFile: d + "/secrets/rd.token", encoding: .utf8)
        XCTAssertTrue(token.contains("tok-2") && token.contains("R2"), token)
        let e = try entry(d, "rd")
        XCTAssertEqual(e["subreddits"] as? [String], ["acmecloud"], "the settings are kept")
        XCTAssertEqual(e["api"] as? String, api)
        let team = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: d + "/team.json")))
        XCTAssertEqual(
            ((team as? [String: Any])?["sources"] as? [[String: Any]])?.filter { $0["id"] as? String == "rd" }.count, 1)
    }
}
