import Foundation
import SwitchboardCore

/// How urgent a mention is for the team: a documented sum of components (README, "Insight", "Priority").
///
///     score = intent + sentiment + reach + sla + reply            (open mentions, 0 … ~1.6)
///     intent    = max over intents: crisis 0.45, complaint 0.30, help_request 0.30, question 0.25,
///                 purchase_interest 0.20, praise 0.05; none 0.0; spam → the whole score × 0.05
///     sentiment = 0.25 × max(0, −score)            (only negative mood raises urgency)
///     reach     = 0.15 × min(1, log10(1 + followers) / 6)   (1M followers = full 0.15)
///     sla       = 0.30 × min(1, age / SLA)  while inside the first-response SLA; 0.50 once overdue
///     reply     = 0.10 when the mention replies to us or sits in a thread (in_reply_to or thread_root)
///     answered, ignored or spam status → 0.02 × (the score above), so closed work sinks to the bottom.
///
/// Bands: high ≥ 0.75, normal ≥ 0.40, low below.
public enum Priority {
    public static let intentWeights: [Intent: Double] = [
        .crisis: 0.45, .complaint: 0.30, .help: 0.30, .question: 0.25, .purchase: 0.20, .praise: 0.05, .spam: 0,
    ]
    public static let highThreshold = 0.75
    public static let normalThreshold = 0.40

    /// The priority score of a mention for the team at `now` (higher is more urgent).
    public static func score(mention: Mention, state: MentionState, team: TeamConfig, now: Date) -> Double {
        score(
            analysis: mention.analysis, followers: mention.author?.followers, createdAt: mention.createdAt,
            isReply: mention.inReplyTo != nil || mention.threadRoot != nil, status: state.status,
            slaMinutes: team.sla.firstResponseMinutes, now: now)
    }

    /// The same from the parts (what the formula reads).
    public static func score(
        analysis: Analysis?, followers: Int?, createdAt: Date, isReply: Bool, status: MentionStatus,
        slaMinutes: Int, now: Date
    ) -> Double {
        var s = 0.0
        let intents = analysis?.intents ?? []
        s += intents.map { intentWeights[$0] ?? 0 }.max() ?? 0
        if let a = analysis { s += 0.25 * max(0, -a.score) }
        if let f = followers, f > 0 { s += 0.15 * min(1, log10(1 + Double(f)) / 6) }
        let sla = Double(max(1, slaMinutes)) * 60
        let age = max(0, now.timeIntervalSince(createdAt))
        s += age >= sla ? 0.50 : 0.30 * (age / sla)
        if isReply { s += 0.10 }
        if intents.contains(.spam) { s *= 0.05 }
        if status == .answered || status == .ignored || status == .spam { s *= 0.02 }
        return (s * 1000).rounded() / 1000
    }

    /// `high`, `normal` or `low` (the keys of `TeamConfig.sla.byPriority`).
    public static func band(_ score: Double) -> String {
        score >= highThreshold ? "high" : score >= normalThreshold ? "normal" : "low"
    }

    public static func band(mention: Mention, state: MentionState, team: TeamConfig, now: Date) -> String {
        band(score(mention: mention, state: state, team: team, now: now))
    }
}
