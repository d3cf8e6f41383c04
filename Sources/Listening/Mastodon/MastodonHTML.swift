/// Mastodon's status HTML as text: `HTMLText` with `Options.mastodon` — paragraphs leave a blank line, `<br>`
/// breaks the line, mentions and hashtags keep their visible `@user` / `#tag` text, other links become their
/// full address (or "text (address)"), only the common entities are decoded, a tag that never closes stays text.
public enum MastodonHTML {
    public static func text(_ html: String) -> String { HTMLText.text(fromHTML: html, options: .mastodon) }
}
