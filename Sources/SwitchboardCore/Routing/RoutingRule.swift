import Foundation

/// One routing rule from `team.json`'s `"routing"` list: mentions matching `when` (the query language) are handed to
/// an internal `team`, by running `command` (`sh -c`, the JSON payload on stdin) or by writing
/// `dir/<mention-key>.json`.
///
///     "routing": [{"name": "billing complaints", "when": "is:complaint tag:billing", "team": "support",
///                  "command": "curl -s -X POST -d @- https://chat.example/hook"},
///                 {"name": "ex-staff", "when": "role:former-employee net:rss", "team": "hr",
///                  "dir": "/srv/handoff/hr"}]
public struct RoutingRule: Hashable, Sendable {
    public enum Delivery: Hashable, Sendable {
        /// A shell command (`sh -c`, run in the data directory) that gets the payload on stdin.
        case command(String)
        /// A directory (relative to the data directory, or absolute) that gets `<mention-key>.json`.
        case directory(String)
    }
    public var name: String, when: String, team: String, delivery: Delivery
    /// `when`, parsed.
    public var query: Query

    /// Whether `when` uses `role:` (then the router needs the contacts).
    public var usesRoles: Bool { query.root.usesRole }

    /// `command: …` or `dir: …` for people.
    public var deliveryDescription: String {
        switch delivery {
        case .command(let c): return "command: " + c
        case .directory(let d): return "dir: " + d
        }
    }
}
