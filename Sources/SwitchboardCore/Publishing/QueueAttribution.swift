import Foundation

/// Where curated content came from: shown as "via HANDLE URL" in the post.
public struct QueueAttribution: Codable, Hashable, Sendable {
    public var handle: String?
    public var url: String?
    public init(handle: String? = nil, url: String? = nil) { (self.handle, self.url) = (handle, url) }

    /// Parses `@user`, a URL, or `@user URL` / `@user/URL`-style input from the CLI.
    public static func parse(_ s: String) -> QueueAttribution {
        var handle: String?
        var url: String?
        for part in s.split(whereSeparator: { $0 == " " }) {
            let p = String(part)
            if p.hasPrefix("http://") || p.hasPrefix("https://") { url = p } else { handle = p }
        }
        return QueueAttribution(handle: handle, url: url)
    }

    /// `via @user https://…`.
    public var line: String { "via " + [handle, url].compactMap { $0 }.joined(separator: " ") }
}
