import Foundation
import SwitchboardCore
import TestSupport
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `switchboard sources add --type x` (OAuth 2.0 with PKCE: a pasted code or the redirect to 127.0.0.1) and the
/// month's reads in `sources list`, through the real binary against a loopback X.
final class XSourcesCommandTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func newDataDir() throws -> String {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        return d
    }

    func fakeX() {
        server.on(
            "POST", "/2/oauth2/token",
            .json(
                #"{"token_type":"bearer","expires_in":7200,"access_token":"x-acc-1","scope":"tweet.read tweet.write users.read offline.access media.write","refresh_token":"x-ref-1"}"#
            ))
        server.handle("GET", "/2/users/me") { r in
            r.header("authorization") == "Bearer x-acc-1"
                ? .json(#"{"data":{"id":"1072250532645998596","name":"Acme Größe","username":"acme_de"}}"#)
                : .json(#"{"title":"Unauthorized","status":401}"#, status: 401)
        }
        server.on(
            "GET", "/2/users/1072250532645998596/mentions",
            .json(
                #"{"data":[{"id":"1900000000000000003","text":"@acme_de Danke für die schnelle Hilfe!","author_id":"7","lang":"de"},{"id":"1900000000000000002","text":"@acme_de is the export down?","author_id":"8","lang":"en"},{"id":"1900000000000000001","text":"@acme_de hi","author_id":"8"}],"includes":{"users":[{"id":"7","username":"jürgen","name":"Jürgen"},{"id":"8","username":"sam","name":"Sam"}]},"meta":{"result_count":3,"newest_id":"1900000000000000003"}}"#
            ))
    }

    func addArgs(_ d: String) -> [String] {
        [
            "sources", "add", "--data-dir", d, "--type", "x", "--id", "xacme", "--client-id", "client-abc", "--api",
            server.baseURL.absoluteString, "--authorize-url", server.url("/i/oauth2/authorize").absoluteString,
            "--read-budget", "10000",
        ]
    }

    func testAddWithAPastedCodeSavesTheTokenAndFindsTheAccountThenListShowsTheReads() throws {
        let d = try newDataDir()
        fakeX()
        let add = try CLI.run(addArgs(d) + ["--paste-code"], stdin: "code-from-browser\n")
        XCTAssertEqual(add.status, 0, add.err)
        let url = try XCTUnwrap(add.out.split(separator: "\n").first { $0.contains("/i/oauth2/authorize?") })
        let q = Dictionary(
            uniqueKeysWithValues: (URLComponents(string: url.trimmingCharacters(in: .whitespaces))?.queryItems ?? [])
                .map { ($0.name, $0.value ?? "") })
        XCTAssertEqual(q["scope"], "tweet.read tweet.write users.read offline.access media.write")
        XCTAssertEqual(q["code_challenge_method"], "S256")
        XCTAssertEqual(q["code_challenge"]?.count, 43)
        XCTAssertEqual(q["redirect_uri"], "http://127.0.0.1:8765/callback")
        XCTAssertTrue(add.out.contains("Logged in as @acme_de (user id 1072250532645998596)."), add.out)
        let tokenReq = String(
            decoding: try XCTUnwrap(server.requests("POST", "/2/oauth2/token").first).body, as: UTF8.self)
        XCTAssertTrue(
            tokenReq.hasPrefix("grant_type=authorization_code&code=code-from-browser&redirect_uri="), tokenReq)
        XCTAssertTrue(tokenReq.contains("&code_verifier=") && tokenReq.hasSuffix("&client_id=client-abc"), tokenReq)

        let team = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: d + "/team.json")))
        let entry = try XCTUnwrap(
            ((team as? [String: Any])?["sources"] as? [[String: Any]])?.first { $0["id"] as? String == "xacme" })
        XCTAssertEqual(entry["type"] as? String, "x")
        XCTAssertEqual(entry["user_id"] as? String, "1072250532645998596")
        XCTAssertEqual(entry["token_file"] as? String, "secrets/xacme.token")
        XCTAssertEqual(entry["client_id"] as? String, "client-abc")
        XCTAssertEqual(entry["monthly_read_budget"] as? Int, 10000)
        XCTAssertEqual(entry["interval"] as? String, "2m")
        let tokenFile = try String(contentsOfFile: d + "/secrets/xacme.token", encoding: .utf8)
        XCTAssertTrue(tokenFile.contains("\"refresh_token\" : \"x-ref-1\""), tokenFile)
        XCTAssertFalse(
            String(data: try Data(contentsOf: URL(fileURLWithPath: d + "/team.json")), encoding: .utf8)!.contains(
                "x-acc-1"))
        let attrs = try FileManager.default.attributesOfItem(atPath: d + "/secrets/xacme.token")
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o600)

        let before = try CLI.run(["sources", "list", "--data-dir", d])
        XCTAssertTrue(before.out.contains("xacme: reads 0/10,000 this month"), before.out)
        let poll = try CLI.run(["sources", "poll", "xacme", "--data-dir", d])
        XCTAssertEqual(poll.status, 0, poll.err)
        XCTAssertTrue(poll.out.contains("@jürgen") && poll.out.contains("Danke für die schnelle Hilfe!"), poll.out)
        let after = try CLI.run(["sources", "list", "--data-dir", d])
        XCTAssertTrue(after.out.contains("xacme: reads 3/10,000 this month"), after.out)
    }

    func testAddThroughTheRedirectTo127001() throws {
        let d = try newDataDir()
        fakeX()
        let port = Int.random(in: 20000...40000)
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = addArgs(d) + ["--redirect-port", String(port)]
        p.environment = ProcessInfo.processInfo.environment.merging(["SWITCHBOARD_USER": "anna"]) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        p.standardInput = Pipe()
        try p.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("Waiting for X") && Date() < deadline {
            text += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("/i/oauth2/authorize?") })
        let state = try XCTUnwrap(
            URLComponents(string: line.trimmingCharacters(in: .whitespaces))?.queryItems?.first { $0.name == "state" }?
                .value)
        // The browser comes back after approval.
        let (body, _) = try awaitResult {
            try await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(port)/callback?state=\(state)&code=c0de")!)
        }
        XCTAssertTrue(String(decoding: body, as: UTF8.self).contains("return to the terminal"))
        p.waitUntilExit()
        text += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("Logged in as @acme_de"), text)
        let tokenReq = String(
            decoding: try XCTUnwrap(server.requests("POST", "/2/oauth2/token").first).body, as: UTF8.self)
        XCTAssertTrue(tokenReq.contains("code=c0de&redirect_uri=http%3A%2F%2F127.0.0.1%3A\(port)%2Fcallback"), tokenReq)
    }

    func awaitResult<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let sem = DispatchSemaphore(value: 0)
        Task {
            do { box.value = .success(try await body()) } catch { box.value = .failure(error) }
            sem.signal()
        }
        sem.wait()
        return try box.value!.get()
    }

    final class ResultBox<T>: @unchecked Sendable { var value: Result<T, Error>? }
}
