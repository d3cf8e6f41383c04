import Foundation
import SwitchboardCore

/// Why bytes could not be read as a feed at all.
public enum FeedError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Not XML, or XML without a feed element (an HTML error page, JSON, …). `sample` is short and sanitised.
    case notAFeed(sample: String)

    public var description: String {
        switch self {
        case .notAFeed(let s): return L10n.t("feed.notAFeed", ["sample": s])
        }
    }

    /// The first ~80 characters of a body, cleaned for a log line.
    public static func sample(_ data: Data) -> String {
        let head = String(decoding: data.prefix(240), as: UTF8.self)
        let clean = HTMLText.clean(head)
        return clean.count > 80 ? String(clean.prefix(80)) + "…" : clean
    }
}
