import Foundation

extension Playbook {
    /// The holding statements for a network and language, best first: network-specific before general, the
    /// language asked for before the others.
    public func statements(network: String? = nil, lang: String? = nil) -> [HoldingStatement] {
        holdingStatements.filter { h in
            h.network == nil || network == nil || h.network?.lowercased() == network?.lowercased()
        }
        .enumerated().sorted { a, b in
            func rank(_ h: HoldingStatement) -> Int {
                (h.network != nil && h.network?.lowercased() == network?.lowercased() ? 0 : 1)
                    + (lang != nil && h.lang == lang ? 0 : 2)
            }
            let ra = rank(a.element)
            let rb = rank(b.element)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    /// A holding statement filled in: the playbook's `placeholders`, then `{{brand}}`, `{{next_update}}` (an hour from
    /// now, in the team's time zone), `{{time}}`, `{{date}}` and `{{agent}}`. Unknown ones stay visible.
    public func render(_ h: HoldingStatement, team: TeamConfig?, agent: TeamConfig.Member?, now: Date = Date())
        -> RenderedTemplate
    {
        var values = placeholders ?? [:]
        let fmt = DateFormatter()
        fmt.locale = Locale(identifier: h.lang == "de" ? "de_DE" : "en_GB")
        fmt.timeZone = team.flatMap { TimeZone(identifier: $0.timezone ?? "") } ?? TimeZone.current
        fmt.dateFormat = "HH:mm"
        if values["next_update"] == nil { values["next_update"] = fmt.string(from: now.addingTimeInterval(3600)) }
        if values["time"] == nil { values["time"] = fmt.string(from: now) }
        fmt.dateFormat = h.lang == "de" ? "d. MMMM" : "d MMMM"
        if values["date"] == nil { values["date"] = fmt.string(from: now) }
        if values["brand"] == nil, let b = team?.brand.name { values["brand"] = b }
        if values["agent"] == nil, let a = agent {
            values["agent"] = (a.signature?.isEmpty == false ? a.signature : nil) ?? a.name
        }
        return TemplateRenderer.fill(h.text) { values[$0] }
    }
}
