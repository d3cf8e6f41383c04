import Foundation
import Listening

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A plain URLSession client for tests (the production client lives elsewhere).
struct TestHTTPClient: HTTPClient {
    let session: URLSession

    init() {
        let c = URLSessionConfiguration.ephemeral
        c.requestCachePolicy = .reloadIgnoringLocalCacheData
        c.urlCache = nil
        c.httpShouldSetCookies = false
        session = URLSession(configuration: c)
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var r = URLRequest(
            url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
        r.httpMethod = request.method
        for (k, v) in request.headers { r.setValue(v, forHTTPHeaderField: k) }
        r.httpBody = request.body
        let (data, resp) = try await session.data(for: r)
        guard let http = resp as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields { headers[String(describing: k).lowercased()] = String(describing: v) }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }
}
