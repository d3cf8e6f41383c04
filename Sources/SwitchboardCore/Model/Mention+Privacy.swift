import Foundation

extension Mention {
    /// A private message (Mastodon direct visibility, a Bluesky chat message): marked private everywhere,
    /// answered privately, left out of report texts and shown only to members whose role may read it.
    public var isPrivate: Bool {
        extra?["private"]?.boolValue == true || reply?.visibility == "direct"
    }

    /// The warning of the server filter this post matched (Mastodon filter action `warn`: the filter's
    /// title); its text stays hidden until opened.
    public var filterWarning: String? {
        guard let w = extra?["filter_warning"]?.stringValue, !w.isEmpty else { return nil }
        return w
    }
}
