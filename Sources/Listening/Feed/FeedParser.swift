import Foundation

/// Parses feeds. Never crashes and never hangs on hostile input: ill-formed XML is recovered as far as it
/// goes (libxml2's recovery mode plus a repair pass for stray `&` and HTML entities).
public enum FeedParser {
    /// - Parameters:
    ///   - url: where the feed came from: the base for relative links (after `Content-Location`).
    ///   - contentType: the HTTP `Content-Type`, for its `charset`.
    ///   - contentLocation: the HTTP `Content-Location`, the base when present.
    public static func parse(_ data: Data, url: URL? = nil, contentType: String? = nil, contentLocation: String? = nil)
        throws -> Feed
    {
        let enc = FeedEncoding.utf8(data, httpCharset: FeedEncoding.charset(fromContentType: contentType))
        var base = url
        if let cl = contentLocation?.trimmingCharacters(in: .whitespaces), !cl.isEmpty {
            base = URL(string: cl, relativeTo: url)?.absoluteURL ?? base
        }
        var bytes = enc.bytes
        var repaired = false
        if let stripped = FeedRepair.stripControls(bytes) { bytes = stripped; repaired = true }
        if let fixed = FeedRepair.fixReferences(bytes) { bytes = fixed.bytes; repaired = repaired || fixed.illFormed }
        if let cut = FeedRepair.cutHostileTags(bytes) { bytes = cut; repaired = true }
        let handler = FeedHandler(base: base)
        let ok = handler.run(bytes)
        guard handler.sawFeed else { throw FeedError.notAFeed(sample: FeedError.sample(data)) }
        var feed = handler.result()
        feed.encoding = enc.encoding
        feed.recovered = !ok || repaired || enc.recovered
        return feed
    }
}
