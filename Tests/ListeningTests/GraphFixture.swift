import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Helpers of the Graph tests: a data directory with a token file, source configs pointing at the loopback server,
/// and Graph-shaped bodies.
enum GraphFixture {
    static let token = "EAAG-secret-page-token-123"
    static let now = Date(timeIntervalSince1970: 1_900_000_000)  // 2030-03-17T17:46:40Z

    static func dataDir(_ test: XCTestCase, token: String = GraphFixture.token, file: String = "secrets/meta.token")
        throws -> DataDirectory
    {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-graph-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try FileIO.makeDirectory(dir.root)
        try Secrets.write(token, to: dir.root.appendingPathComponent(file))
        let team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        return dir
    }

    static func config(_ type: String, _ server: NetworkTestServer, id: String? = nil) -> SourceConfig {
        var c = SourceConfig(id: id ?? ["instagram": "ig", "facebook": "fb"][type] ?? "th", type: type)
        c.api = server.baseURL.absoluteString
        c.tokenFile = "secrets/meta.token"
        switch type {
        case "instagram": c.accountID = "1784100"
        case "facebook": c.pageID = "19292868552"
        default: c.userID = "7001"
        }
        return c
    }

    /// `{"data": [...], "paging": {...}}` with an optional `next` address.
    static func page(_ items: [[String: Any]], next: String? = nil, after: String? = nil) -> NetworkTestServer.Response
    {
        var o: [String: Any] = ["data": items]
        var paging: [String: Any] = [:]
        if let next { paging["next"] = next }
        if let after { paging["cursors"] = ["after": after, "before": "b"] }
        if !paging.isEmpty { o["paging"] = paging }
        return .json(object: o)
    }

    static func error(
        _ code: Int, subcode: Int? = nil, message: String, status: Int = 400, headers: [String: String] = [:]
    )
        -> NetworkTestServer.Response
    {
        var e: [String: Any] = ["message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AbC"]
        if let subcode { e["error_subcode"] = subcode }
        return .json(object: ["error": e], status: status, headers: headers)
    }

    static func query(_ r: NetworkTestServer.Request) -> [String: String] {
        Dictionary(r.queryItems, uniquingKeysWith: { a, _ in a })
    }

    static func form(_ r: NetworkTestServer.Request) -> [String: String] {
        let q = NetworkTestServer.Request(
            method: "GET", path: "/", query: String(decoding: r.body, as: UTF8.self), body: Data())
        return query(q)
    }
}
