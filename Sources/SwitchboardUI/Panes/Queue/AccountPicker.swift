import Foundation
import SwitchboardCore

/// Which accounts a new post goes to (`:queue add`, `c`, `:post`): the team's sources that can publish, all ticked
/// at first. Space ticks and unticks, Enter goes ahead with the ticked ones, Esc keeps nothing.
public struct AccountPicker: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        /// The source id in team.json (what the queue stores).
        public var id: String
        /// `Mastodon` or `Bluesky`, and the account (instance or handle) when known.
        public var label: String
        public var chosen = true
    }

    /// The post waiting for its accounts.
    public var op: QueueOp
    public var choices: [Choice]
    public var selected = 0

    public init(op: QueueOp, choices: [Choice]) { (self.op, self.choices) = (op, choices) }

    public var chosen: [String] { choices.filter(\.chosen).map(\.id) }

    /// What the workbench says when no source can publish.
    public static let noAccount =
        "no account can post: add a Mastodon or Bluesky source to team.json (switchboard sources add)"

    /// The team's enabled Mastodon and Bluesky sources, in team.json order.
    public static func publishing(_ team: TeamConfig) -> [SourceConfig] {
        team.sources.filter { $0.isEnabled && ["mastodon", "bluesky", "bsky", "x"].contains($0.type.lowercased()) }
    }

    /// The choices for `team`: every source that can publish.
    static func choices(_ team: TeamConfig?) -> [Choice] {
        guard let team else { return [] }
        return publishing(team).map { c in
            let bsky = c.type.lowercased() != "mastodon"
            let instance = c.instance.map { i in
                ["https://", "http://"].reduce(i) { $0.hasPrefix($1) ? String($0.dropFirst($1.count)) : $0 }
            }
            let account = bsky ? c.handle.map { "@" + $0.trimmingCharacters(in: ["@"]) } : instance
            return Choice(id: c.id, label: (bsky ? "Bluesky" : "Mastodon") + (account.map { " " + $0 } ?? ""))
        }
    }
}
