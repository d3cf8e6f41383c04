import Foundation

/// A minimal HTTP request (see `HTTPClient`).
public struct HTTPRequest: Sendable {
    public var method: String, url: URL, headers: [String: String]
    public var body: Data?
    public var timeout: TimeInterval
    public init(
        method: String = "GET", url: URL, headers: [String: String] = [:], body: Data? = nil,
        timeout: TimeInterval = 30
    ) {
        (self.method, self.url, self.headers, self.body, self.timeout) = (method, url, headers, body, timeout)
    }
}
