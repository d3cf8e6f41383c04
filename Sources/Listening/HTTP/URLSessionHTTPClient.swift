import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The default `HTTPClient`: URLSession (FoundationNetworking on Linux) with an ephemeral configuration,
/// no URL cache, no cookies, per-request timeouts, and response header names lower-cased.
///
/// Transport failures (timeout, refused connection, DNS, TLS, cut-off body) are thrown as
/// `SourceError.transient` with a short message that never contains request headers (tokens stay out of logs).
/// HTTP error statuses are not errors here: the caller maps them (`401`, `429`, `5xx`, …).
public final class URLSessionHTTPClient: HTTPClient, @unchecked Sendable {
    let session: URLSession
    /// Largest body accepted, so a hostile server cannot exhaust memory (default 16 MiB).
    public let maxBodyBytes: Int

    public init(timeout: TimeInterval = 30, maxBodyBytes: Int = 16 << 20) {
        let config = URLSessionConfiguration.ephemeral
        (config.requestCachePolicy, config.urlCache) = (.reloadIgnoringLocalCacheData, nil)
        (config.httpCookieStorage, config.httpShouldSetCookies) = (nil, false)
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = max(timeout, 1) * 4
        session = URLSession(configuration: config)
        self.maxBodyBytes = maxBodyBytes
    }

    deinit { session.finishTasksAndInvalidate() }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var r = URLRequest(
            url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
        r.httpMethod = request.method
        r.httpBody = request.body
        for (k, v) in request.headers { r.setValue(v, forHTTPHeaderField: k) }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: r)
        } catch let e as URLError {
            throw SourceError.transient(
                "\(request.method) \(URLSessionHTTPClient.redacted(request.url)): \(URLSessionHTTPClient.describe(e))")
        } catch {
            throw SourceError.transient(
                "\(request.method) \(URLSessionHTTPClient.redacted(request.url)): \(error.localizedDescription)")
        }
        guard let http = response as? HTTPURLResponse else {
            throw SourceError.transient("\(URLSessionHTTPClient.redacted(request.url)): not an HTTP response")
        }
        guard data.count <= maxBodyBytes else {
            throw SourceError.malformed("response body larger than \(maxBodyBytes) bytes", sample: "")
        }
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields {
            guard let name = k as? String else { continue }
            headers[name.lowercased()] = v as? String ?? "\(v)"
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// Scheme, host, port and path only: query strings may hold tokens.
    static func redacted(_ url: URL) -> String {
        var c = URLComponents(url: url, resolvingAgainstBaseURL: false)
        c?.query = nil
        c?.user = nil
        c?.password = nil
        c?.fragment = nil
        return c?.string ?? url.host ?? "?"
    }

    static func describe(_ e: URLError) -> String {
        switch e.code {
        case .timedOut: return "timed out"
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .networkConnectionLost: return "connection lost"
        case .notConnectedToInternet: return "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid:
            return "TLS failure"
        default: return "network error \(e.code.rawValue)"
        }
    }
}
