import Foundation

extension CrisisOps {
    /// The holding statement of a run to publish: the one a step names (or `id`), filled in for `lang`, with
    /// per-network
    /// variants where the playbook has network-specific texts.
    public struct StatementDraft: Sendable, Equatable {
        public var statement: Playbook.HoldingStatement, text: String, variants: [String: String]
        /// Placeholders nobody filled (`status_url`): the statement must not go out like this.
        public var unknown: [String]
    }

    public static func statement(
        _ run: CrisisRun, id: String? = nil, step: String? = nil, lang: String? = nil, networks: [String],
        team: TeamConfig?, agent: TeamConfig.Member?, now: Date = Date()
    ) throws -> StatementDraft {
        let p = run.playbook
        var wanted = id
        if wanted == nil, let step { wanted = try run.resolveStep(step).step.statement }
        let base: Playbook.HoldingStatement
        if let w = wanted {
            guard let h = p.holdingStatements.first(where: { $0.id == w }) else {
                throw CrisisError(
                    "no holding statement \"\(w)\" in \(p.name) (have: "
                        + "\(p.holdingStatements.map(\.id).joined(separator: ", ")))"
                )
            }
            base = h
        } else {
            guard let h = p.statements(lang: lang).first else {
                throw CrisisError(L10n.t("msg.noHoldingStatements", ["name": p.name]))
            }
            base = h
        }
        let language = lang ?? base.lang
        // The same statement in the language asked for, when the playbook has it (outage-en → outage-de).
        let chosen =
            lang.flatMap { l in
                base.lang == l
                    ? base
                    : p.holdingStatements.first {
                        $0.lang == l && $0.network == base.network && sameFamily($0.id, base.id)
                    }
            } ?? base
        let r = p.render(chosen, team: team, agent: agent, now: now)
        var unknown = r.unknown
        var variants: [String: String] = [:]
        for n in Set(networks.map { $0.lowercased() }) {
            if let v = p.holdingStatements.first(where: {
                $0.network?.lowercased() == n && $0.lang == language && $0.id != chosen.id
            }) {
                let rv = p.render(v, team: team, agent: agent, now: now)
                variants[n] = rv.text
                unknown += rv.unknown.filter { !unknown.contains($0) }
            }
        }
        return StatementDraft(statement: chosen, text: r.text, variants: variants, unknown: unknown)
    }

    /// `outage-en` and `outage-de` are one statement in two languages.
    static func sameFamily(_ a: String, _ b: String) -> Bool {
        func stem(_ s: String) -> String {
            let parts = s.split(separator: "-")
            return parts.count > 1 ? parts.dropLast().joined(separator: "-") : s
        }
        return stem(a) == stem(b)
    }

    /// Queues the holding statement to go out now on `accounts` (default: every Mastodon and Bluesky source), even
    /// while
    /// the queue is suspended; marks the holding-statement step done when `step` is given. Refused in a drill and while
    /// placeholders are unfilled.
    @discardableResult
    public static func publishStatement(
        crisis: String? = nil, step: String? = nil, id: String? = nil, lang: String? = nil, text: String? = nil,
        accounts: [String] = [], team: TeamConfig, store: Store, actor: String, now: Date = Date()
    ) throws -> QueueItem {
        _ = try store.refresh()
        let run = try current(crisis, store: store)
        guard run.isActive else { throw CrisisError(L10n.t("err.crisis.ended", ["id": run.id])) }
        guard !run.drill else {
            throw CrisisError(L10n.t("err.crisis.drill"))
        }
        let targets =
            accounts.isEmpty
            ? team.sources.filter { $0.isEnabled && ["mastodon", "bluesky", "bsky"].contains($0.type.lowercased()) }
                .map(\.id) : accounts
        let networks = targets.compactMap { a in
            team.sources.first { $0.id == a }.map { $0.type.lowercased() == "bsky" ? "bluesky" : $0.type.lowercased() }
        }
        let s = try statement(
            run, id: id, step: step, lang: lang, networks: networks, team: team, agent: team.member(actor), now: now)
        let body = text ?? s.text
        let open = TemplateRenderer.fill(body) { _ in nil }.unknown
        guard open.isEmpty, text != nil || s.unknown.isEmpty else {
            throw CrisisError(
                "fill the placeholders first: "
                    + (open.isEmpty ? s.unknown : open).map { "{{\($0)}}" }.joined(separator: ", ")
                    + " (add them to the playbook's \"placeholders\", or give the text)")
        }
        guard !targets.isEmpty else { throw CrisisError(L10n.t("err.crisis.noAccount")) }
        let d = QueueDraft(
            text: body, variants: text == nil ? s.variants : [:], accounts: targets, tags: ["crisis"], campaign: run.id,
            scheduledAt: now, createdAt: now, crisis: run.id)
        let item: QueueItem
        do { item = try Queue.add(d, team: team, store: store, actor: actor, now: now) } catch let e as QueueError {
            throw CrisisError(e.message)
        }
        if let step, let st = try? run.resolveStep(step), st.state != .done {
            _ = try? setStep(
                crisis: run.id, step: st.step.id, to: .done, reason: "queued as \(item.id)", store: store, actor: actor,
                now: now)
        }
        return item
    }
}
