import Foundation
import SwitchboardCore

/// Authorised requests to one Graph host for one source: the version segment added to every path, the token sent
/// as `access_token` (renewed before expiry when the network allows), paging through `paging.next`, the usage
/// headers recorded, and Graph errors classified by code (`GraphError`).
public struct GraphClient: Sendable {
    public let base: URL, host: Graph.Host, label: String
    let http: HTTPClient
    public let token: GraphToken
    public let now: @Sendable () -> Date
    public var timeout: TimeInterval = 30
    /// The usage headers of this client's responses.
    public let meter = GraphUsageMeter()

    public init(
        base: URL, host: Graph.Host, label: String, http: HTTPClient, token: GraphToken,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        (self.base, self.host, self.label, self.http, self.token, self.now) = (base, host, label, http, token, now)
    }

    /// `base/vXX.X/path?query`.
    public func url(_ path: String, query: [(String, String)] = []) -> URL {
        let p = path.hasPrefix("/") ? path : "/" + path
        return NetworkCall.url(base, path: "/" + host.version + p, query: query)
    }

    /// A token valid now (renewed by the host's refresh grant when it is about to expire).
    public func accessToken() async throws -> String {
        let h = host, b = base, http = http, label = label, t = timeout, clock = now
        let refresh: (@Sendable (OAuthToken) async throws -> OAuthToken)? =
            h == .facebook
            ? nil
            : { @Sendable old in
                var o = GraphOAuth(host: h, base: b, http: http, label: label, timeout: t)
                o.now = clock
                return try await o.refresh(old)
            }
        return try await token.valid(now: now(), refresh: refresh).accessToken
    }

    /// Sends one request and returns the response, or the Graph error it carried. Transport failures, timeouts
    /// and HTML or truncated bodies on success throw `SourceError`.
    public func send(_ method: String, _ url: URL, form: [(String, String)] = []) async throws -> Result<
        HTTPResponse, GraphError
    > {
        let tok = try await accessToken()
        var req = HTTPRequest(method: method, url: url, headers: ["Accept": "application/json"], timeout: timeout)
        if method == "GET" || method == "DELETE" {
            req.url = GraphClient.replacingToken(in: url, with: tok)
        } else {
            req.headers["Content-Type"] = "application/x-www-form-urlencoded"
            let body = (form + [("access_token", tok)]).map {
                NetworkCall.escape($0.0) + "=" + NetworkCall.escape($0.1)
            }
            req.body = Data(body.joined(separator: "&").utf8)
        }
        req.headers["User-Agent"] = MastodonClient.userAgent
        let r: HTTPResponse
        do { r = try await NetworkCall.send(http, req, label: label) } catch SourceError.transient(let why) {
            // The token travels in the address: never let a transport message repeat it.
            throw SourceError.transient(why.replacingOccurrences(of: tok, with: "<token>"))
        }
        let usage = GraphUsage.parse(r.headers)
        meter.record(usage)
        if let e = GraphError.parse(r, label: label, usage: usage, now: now()) {
            if e.kind == .needsLogin { token.reset() }
            // An HTML error page from a proxy or a load balancer: say so, with a sample, rather than "HTTP 502".
            if e.code == nil, e.kind == .transient, NetworkCall.looksLikeHTML(r.body) {
                throw SourceError.transient(
                    "\(label): HTTP \(r.status) with an HTML page instead of JSON (body starts: "
                        + "\(NetworkCall.sample(r.body)))")
            }
            return .failure(e)
        }
        return .success(r)
    }

    /// GET `path`; Graph errors thrown as `SourceError`.
    public func get(_ path: String, query: [(String, String)] = []) async throws -> HTTPResponse {
        try await send("GET", url(path, query: query)).get(orThrow: \.sourceError)
    }

    /// POST `path` with a form body; Graph errors thrown as `SourceError`.
    public func post(_ path: String, form: [(String, String)]) async throws -> HTTPResponse {
        try await send("POST", url(path), form: form).get(orThrow: \.sourceError)
    }

    /// Decodes a JSON body (an HTML page or a truncated body is `.malformed` with a sample).
    public func decode<T: Decodable>(_ type: T.Type, from r: HTTPResponse) throws -> T {
        try NetworkCall.decode(type, from: r, label: label)
    }

    /// The first page of an edge.
    public func page<T: Decodable & Sendable>(_ type: T.Type, _ path: String, query: [(String, String)]) async throws
        -> GraphPage<T>
    {
        try decode(GraphPage<T>.self, from: try await get(path, query: query))
    }

    /// The first page of an edge, or nil when its object was deleted (Graph error 100/33, 803).
    public func pageIfExists<T: Decodable & Sendable>(_ type: T.Type, _ path: String, query: [(String, String)])
        async throws -> GraphPage<T>?
    {
        switch try await send("GET", url(path, query: query)) {
        case .success(let r): return try decode(GraphPage<T>.self, from: r)
        case .failure(let e) where e.kind == .deleted: return nil
        case .failure(let e): throw e.sourceError
        }
    }

    /// The page after `page` (following `paging.next` on this client's base), or nil on the last page.
    public func next<T: Decodable & Sendable>(_ page: GraphPage<T>) async throws -> GraphPage<T>? {
        guard let n = page.next, let u = rebase(n) else { return nil }
        let r = try await send("GET", u).get(orThrow: \.sourceError)
        return try decode(GraphPage<T>.self, from: r)
    }

    /// A `paging.next` address moved onto this client's base (a proxy or test server in `api` keeps its host), so a
    /// page never leaves the configured base; nil for an address that is not a URL.
    func rebase(_ next: String) -> URL? {
        guard let u = URLComponents(string: next), u.host != nil else { return nil }
        if u.host == base.host && u.port == base.port && u.scheme == base.scheme { return u.url }
        var c = URLComponents(url: base, resolvingAgainstBaseURL: false)
        var prefix = c?.percentEncodedPath ?? ""
        while prefix.hasSuffix("/") { prefix.removeLast() }
        c?.percentEncodedPath = prefix + u.percentEncodedPath
        c?.percentEncodedQuery = u.percentEncodedQuery
        return c?.url
    }

    /// `url` with its `access_token` query item (if any) replaced by `token`.
    static func replacingToken(in url: URL, with token: String) -> URL {
        guard var c = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        var items = (c.percentEncodedQuery ?? "").split(separator: "&").map(String.init)
        items.removeAll { $0.hasPrefix("access_token=") || $0.isEmpty }
        items.append("access_token=" + NetworkCall.escape(token))
        c.percentEncodedQuery = items.joined(separator: "&")
        return c.url ?? url
    }
}

extension Result where Failure == GraphError {
    /// The value, or the error mapped by `map` thrown.
    func get(orThrow map: (GraphError) -> SourceError) throws -> Success {
        switch self {
        case .success(let v): return v
        case .failure(let e): throw map(e)
        }
    }
}

extension GraphClient {
    /// The client of the Graph source of `setup` on `host`: its `api` or the host's base, its token file, its
    /// deadline and clock; `label` names it in messages (`facebook source ID`).
    init(_ setup: ConnectorSetup, host: Graph.Host, label: String, token: GraphToken) {
        self.init(
            base: Graph.base(host, config: setup.config), host: host, label: label, http: setup.http, token: token,
            now: setup.now)
        timeout = setup.timeout
    }

    /// A Graph source's account id (config field `key`, `what` it is; required) and its client on `host`, with its
    /// token file and the label `NETWORK source ID`.
    static func source(
        _ setup: ConnectorSetup, host: Graph.Host, account: String?, key: String, what: String
    ) throws -> (account: String, client: GraphClient) {
        let (config, id) = (setup.config, try setup.required(account, key, what))
        let token = try GraphToken(config: config, dataDir: setup.dataDir)
        return (
            id, GraphClient(setup, host: host, label: "\(config.type.lowercased()) source \(config.id)", token: token)
        )
    }
}
