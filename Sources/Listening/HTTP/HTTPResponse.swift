import Foundation

/// A minimal HTTP response (see `HTTPClient`).
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data
    public init(status: Int, headers: [String: String], body: Data) {
        (self.status, self.headers, self.body) = (status, headers, body)
    }
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
