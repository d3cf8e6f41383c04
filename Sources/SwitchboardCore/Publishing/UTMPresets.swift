import Foundation

/// team.json's `"utm"`: the UTM parameters links get when a post is queued, per network and per campaign:
///
///     "utm": {"source": "{network}", "medium": "social", "domains": ["acme.example"],
///             "networks": {"bluesky": {"source": "bsky"}},
///             "campaigns": {"frühling": {"campaign": "spring-2027", "content": "teaser"}}}
///
/// `source`, `medium`, `campaign` and `content` may use `{network}` and `{campaign}` (the item's campaign name). A
/// network's entry overrides the defaults, a campaign's entry overrides both. Only links to `domains` (and their
/// subdomains) are tagged when it is given; parameters a link already has are kept.
public struct UTMPresets: Sendable, Equatable {
    public struct Values: Sendable, Equatable {
        public var source: String?, medium: String?, campaign: String?, content: String?
        static let keys = ["source", "medium", "campaign", "content"]

        init(_ v: JSONValue?) {
            let o = v?.objectValue ?? [:]
            (source, medium) = (o["source"]?.stringValue, o["medium"]?.stringValue)
            (campaign, content) = (o["campaign"]?.stringValue, o["content"]?.stringValue)
        }

        func over(_ base: Values) -> Values {
            var v = base
            (v.source, v.medium) = (source ?? base.source, medium ?? base.medium)
            (v.campaign, v.content) = (campaign ?? base.campaign, content ?? base.content)
            return v
        }
    }

    public var defaults: Values
    public var networks: [String: Values], campaigns: [String: Values]
    public var domains: [String]
    /// The campaign names as team.json writes them (for messages).
    public var campaignNames: [String]
    /// The team's link shortener's host: its short links are not tagged.
    public var shortHost: String?

    /// The presets of `team`; nil when it has none.
    public init?(_ team: TeamConfig) {
        guard let u = team.extra["utm"]?.objectValue else { return nil }
        defaults = Values(.object(u))
        if defaults.source == nil { defaults.source = "{network}" }
        networks = (u["networks"]?.objectValue ?? [:]).reduce(into: [:]) { $0[$1.key.lowercased()] = Values($1.value) }
        campaigns = (u["campaigns"]?.objectValue ?? [:]).reduce(into: [:]) {
            $0[UTMPresets.key($1.key)] = Values($1.value)
        }
        shortHost = team.extra["shortener"]?["url"]?.stringValue.flatMap { URL(string: $0)?.host?.lowercased() }
        campaignNames = (u["campaigns"]?.objectValue ?? [:]).keys.sorted()
        domains = (u["domains"]?.arrayValue ?? []).compactMap { $0.stringValue?.lowercased() }
    }

    static func key(_ campaign: String) -> String { String(decoding: QueryText.fold(campaign), as: UTF8.self) }

    /// The values for a post on `network` in `campaign`, placeholders filled.
    public func values(network: String, campaign: String?) -> [(String, String)] {
        var v = defaults
        if let n = networks[network.lowercased()] { v = n.over(v) }
        if let c = campaign, let p = campaigns[UTMPresets.key(c)] {
            v = p.over(v)
        } else if let c = campaign,
            v.campaign == nil
        {
            v.campaign = c
        }
        func fill(_ s: String?) -> String? {
            guard let s else { return nil }
            let t = s.replacingOccurrences(of: "{network}", with: network.lowercased())
                .replacingOccurrences(of: "{campaign}", with: campaign ?? "")
            return t.isEmpty || t.contains("{") ? nil : t
        }
        return [
            ("utm_source", fill(v.source)), ("utm_medium", fill(v.medium)), ("utm_campaign", fill(v.campaign)),
            ("utm_content", fill(v.content)),
        ].compactMap { k, v in v.map { (k, $0) } }
    }

    /// Whether the link at `url` is one to tag.
    public func wants(_ url: URL) -> Bool {
        guard let host = url.host?.lowercased(), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
            return false
        }
        if host == shortHost { return false }
        return domains.isEmpty || domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// `link` with the parameters it lacks.
    public func tag(_ link: String, network: String, campaign: String?) -> String {
        guard let url = URL(string: link), wants(url), var c = URLComponents(string: link) else { return link }
        var items = c.queryItems ?? []
        for (k, v) in values(network: network, campaign: campaign) where !items.contains(where: { $0.name == k }) {
            items.append(URLQueryItem(name: k, value: v))
        }
        c.queryItems = items
        return c.string ?? link
    }

    /// Every http(s) link in `text`.
    public static func links(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map { w in
            String(w).trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?)\"'»“”"))
        }.filter { $0.lowercased().hasPrefix("http://") || $0.lowercased().hasPrefix("https://") }
    }

    /// The draft with its links tagged: one variant per network of `networks` (the link, when the text does not
    /// hold it, is written into the variant too, so each network gets its own `utm_source`).
    public func apply(to d: QueueDraft, networks: [String]) -> QueueDraft {
        var out = d
        for net in Set(networks.map { $0.lowercased() }) where !net.isEmpty {
            var body = d.variants[net] ?? d.text
            if let link = d.link, !body.contains(link) { body += "\n\n" + link }
            var tagged = body
            for l in Set(UTMPresets.links(in: body)) {
                tagged = tagged.replacingOccurrences(of: l, with: tag(l, network: net, campaign: d.campaign))
            }
            if tagged != body || d.variants[net] != nil { out.variants[net] = tagged }
        }
        return out
    }
}
