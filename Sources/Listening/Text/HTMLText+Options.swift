extension HTMLText {
    /// How `text(fromHTML:options:)` reads markup. The default is what feeds need; `mastodon` is what Mastodon's
    /// sanitised status HTML needs (`MastodonHTML`).
    public struct Options: Sendable {
        /// Line breaks at a block element: 1 puts blocks on their own lines, 2 leaves a blank line between them.
        public var blockBreaks = 1
        /// Links are rewritten: mention and hashtag links keep their visible `@user` / `#tag` text; a link whose
        /// text is (a shortened form of) its address becomes the full address; other links read "text (address)".
        public var rewritesLinks = false
        /// Only the common named references (`mastodonEntities`) and valid numeric ones, each with its `;`, are
        /// decoded; anything else stays as written.
        public var strictReferences = false
        /// A `<` whose tag never closes stays text.
        public var literalUnclosedTags = false

        public init() {}

        public static let feed = Options()
        public static let mastodon: Options = {
            var o = Options()
            (o.blockBreaks, o.rewritesLinks, o.strictReferences, o.literalUnclosedTags) = (2, true, true, true)
            return o
        }()
    }

    /// The named references Mastodon's status HTML uses, for `Options.strictReferences`.
    static let mastodonEntities: Set<String> = [
        "amp", "lt", "gt", "quot", "apos", "nbsp", "hellip", "mdash", "ndash", "laquo", "raquo", "euro", "copy", "reg",
        "trade", "shy", "lsquo", "rsquo", "ldquo", "rdquo", "bull", "middot", "times", "deg",
    ]
}
