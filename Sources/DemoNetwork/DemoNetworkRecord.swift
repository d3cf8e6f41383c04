import Foundation

/// One line of `demo-network.jsonl`: a request that changed (or tried to change) the network, and its outcome.
public struct DemoNetworkRecord: Codable, Sendable {
    public var v = 1
    public var at: Date, method: String, path: String
    /// `created`, `repeated` (an idempotency key or record key seen before: the earlier post is answered),
    /// or `rejected` (with `error`).
    public var outcome: String
    public var status: Int
    public var key: String?
    public var error: String?
    public var post: DemoPost?
}
