import Foundation

/// team.json's `"shortener"`: the team's own link shortener, used for the links of a post when it is queued:
///
///     "shortener": {"type": "shlink", "url": "https://sho.rt", "key_file": "secrets/shlink.key"}
///
/// `type` is `yourls` (`key` is the signature token), `shlink` (`X-Api-Key`), `kutt` (`X-API-KEY`) or `command`
/// (`"command": "…"`, the long link on stdin, the short one printed).
public struct ShortenerConfig: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case yourls, shlink, kutt, command }
    public var kind: Kind
    public var url: String?, command: String?, keyFile: String?, keyCommand: String?

    /// The team's shortener; nil when there is none. Throws naming the field that is wrong.
    public init?(_ team: TeamConfig) throws {
        guard let raw = team.extra["shortener"] else { return nil }
        guard let o = raw.objectValue else { throw SwitchboardError("team.json: \"shortener\" must be an object") }
        let types = Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let t = o["type"]?.stringValue, let k = Kind(rawValue: t.lowercased()) else {
            throw SwitchboardError("team.json: \"shortener\": \"type\" must be one of \(types)")
        }
        kind = k
        (url, command) = (o["url"]?.stringValue, o["command"]?.stringValue)
        (keyFile, keyCommand) = (o["key_file"]?.stringValue, o["key_command"]?.stringValue)
        if k == .command, command?.isEmpty ?? true {
            throw SwitchboardError("team.json: \"shortener\": type command needs \"command\"")
        }
        if k != .command, URL(string: url ?? "")?.host == nil {
            throw SwitchboardError("team.json: \"shortener\": type \(t) needs \"url\" (the service's address)")
        }
    }

    /// The shortener's host: its short links are never tagged with UTM parameters.
    public var host: String? { url.flatMap { URL(string: $0)?.host?.lowercased() } }
}
