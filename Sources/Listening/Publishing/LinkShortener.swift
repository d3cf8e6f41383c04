import Foundation
import SwitchboardCore

/// Shortens the links of a post through the team's shortener (`ShortenerConfig`): YOURLS, Shlink, Kutt or a command.
public struct LinkShortener: Sendable {
    public let config: ShortenerConfig, dataDir: DataDirectory, http: HTTPClient

    public init(_ config: ShortenerConfig, dataDir: DataDirectory, http: HTTPClient) {
        (self.config, self.dataDir, self.http) = (config, dataDir, http)
    }

    /// The short link for `long`; throws saying which service refused and why (never the key).
    public func shorten(_ long: String) async throws -> String {
        if config.kind == .command, let c = config.command {
            let r = try ShellCommand.run(c, input: Data(long.utf8), environment: [:], cwd: dataDir.root, timeout: 20)
            let out = r.output.trimmingCharacters(in: .whitespacesAndNewlines)
            guard r.status == 0, out.lowercased().hasPrefix("http") else {
                throw SwitchboardError("the shortener command gave no link (status \(r.status))")
            }
            return NetworkText.clean(out, max: 2000)
        }
        let base = (config.url ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let key = try Secrets.resolve(
            file: config.keyFile, command: config.keyCommand, dataDir: dataDir, what: "key of the link shortener")
        let req: HTTPRequest
        let field: String
        switch config.kind {
        case .yourls:
            var c = URLComponents(string: base + "/yourls-api.php")
            c?.queryItems = [
                .init(name: "signature", value: key), .init(name: "action", value: "shorturl"),
                .init(name: "format", value: "json"), .init(name: "url", value: long),
            ]
            guard let u = c?.url else { throw SwitchboardError("bad shortener url \(base)") }
            (req, field) = (HTTPRequest(url: u), "shorturl")
        case .shlink, .kutt:
            let shlink = config.kind == .shlink
            guard let u = URL(string: base + (shlink ? "/rest/v3/short-urls" : "/api/v2/links")) else {
                throw SwitchboardError("bad shortener url \(base)")
            }
            let body = try JSONSerialization.data(withJSONObject: [shlink ? "longUrl" : "target": long])
            req = HTTPRequest(
                method: "POST", url: u,
                headers: ["Content-Type": "application/json", (shlink ? "X-Api-Key" : "X-API-KEY"): key], body: body)
            field = shlink ? "shortUrl" : "link"
        case .command: throw SwitchboardError("no shortener command")
        }
        let r = try await http.send(req)
        let json = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any]
        guard (200..<300).contains(r.status), let short = json?[field] as? String, short.lowercased().hasPrefix("http")
        else {
            throw SwitchboardError(
                "the \(config.kind.rawValue) shortener answered HTTP \(r.status) without a link: "
                    + NetworkText.clean(String(decoding: r.body.prefix(200), as: UTF8.self)))
        }
        return NetworkText.clean(short, max: 2000)
    }

    /// The draft with every link of each network's text shortened (each long link once); the `link` field is
    /// written into the texts first, so it is shortened too.
    /// What a new post's links get before it is queued (`switchboard queue add` and the workbench alike): the team's
    /// UTM presets per target network, then this shortener.
    public func prepare(_ d: QueueDraft, team: TeamConfig) async throws -> QueueDraft {
        let nets = d.accounts.compactMap { a in team.sources.first { $0.id == a }?.type.lowercased() }
        let tagged = UTMPresets(team).map { $0.apply(to: d, networks: nets) } ?? d
        return try await apply(to: tagged, networks: nets)
    }

    public func apply(to d: QueueDraft, networks: [String]) async throws -> QueueDraft {
        var out = d
        var done: [String: String] = [:]
        for net in Set(networks.map { $0.lowercased() }) where !net.isEmpty {
            var body = d.variants[net] ?? d.text
            if let link = d.link, !body.contains(link) { body += "\n\n" + link }
            for l in Set(UTMPresets.links(in: body)) {
                if done[l] == nil { done[l] = try await shorten(l) }
                body = body.replacingOccurrences(of: l, with: done[l] ?? l)
            }
            out.variants[net] = body
        }
        if !done.isEmpty { out.link = nil }
        return out
    }
}
