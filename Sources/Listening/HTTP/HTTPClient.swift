/// The transport connectors send their requests through, so they can be tested against a loopback server
/// and the transport swapped (URLSession by default, `URLSessionHTTPClient`).
public protocol HTTPClient: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
