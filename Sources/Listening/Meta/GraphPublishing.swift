import Foundation
import SwitchboardCore

/// What the Graph publishers and moderators share: requests whose failures are `PublishError`s (a Graph error by its
/// code: 190 needs login, a missing permission named, a rate limit with its time), the id a create answers with,
/// the account's own recent objects for the lookup before a retry, and public addresses for media.
struct GraphPublishing: Sendable {
    let client: GraphClient
    /// `instagram`, `facebook`, `threads`.
    let network: String
    /// Where queued media files are served (`media_base_url`), nil when not set.
    let mediaBase: String?
    /// The source's id, for messages.
    let source: String
    /// The account that acts: the Instagram account, the Facebook Page, the Threads user.
    let owner: String
    /// The source's `page_id` (Instagram messages with Facebook Login go through the linked Page).
    let pageID: String?

    /// The client of the Graph source `config` (its token, its `api`, its account).
    init(_ setup: ConnectorSetup) throws {
        let config = setup.config
        network = config.type.lowercased()
        switch network {
        case "instagram":
            let s = try InstagramSource(setup)
            (client, owner) = (s.client, s.account)
        case "facebook":
            let s = try FacebookSource(setup)
            (client, owner) = (s.client, s.page)
        case "threads":
            let s = try ThreadsSource(setup)
            (client, owner) = (s.client, s.user)
        default: throw PublishError.configuration("\(config.type) is not a Graph network")
        }
        (mediaBase, source, pageID) = (config.mediaBaseURL, config.id, config.pageID)
    }

    /// Private messages of this account (Send API): a refusal when Instagram with Facebook Login has no `page_id`.
    func messaging() throws -> GraphMessages {
        var c = SourceConfig(id: source, type: network)
        c.pageID = pageID
        do { return try GraphMessages(config: c, client: client, account: owner) } catch let e as SourceError {
            throw PublishError(e)
        }
    }

    /// What a create answered: the new object's id, the feed post showing a photo (`post_id`), a link if given.
    struct Created: Sendable {
        var id: String, postID: String?, link: String?
    }

    /// POSTs a form and returns the id the network created. A success whose body cannot be read (truncated, an HTML
    /// page, no id) is transient: the object may exist, so the retry looks it up first.
    func create(_ path: String, form: [(String, String)]) async throws -> Created {
        let r = try await send("POST", client.url(path), form: form)
        let obj = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any]
        func str(_ k: String) -> String? {
            if let s = obj?[k] as? String, !s.isEmpty { return NetworkText.identifier(s) }
            if let n = obj?[k] as? NSNumber { return n.stringValue }
            return nil
        }
        guard let id = str("id") else {
            let kind = NetworkCall.looksLikeHTML(r.body) ? "an HTML page" : "no id"
            throw PublishError.transient(
                "\(client.label): Meta answered with \(kind) (body starts: \(NetworkCall.sample(r.body))); "
                    + "the retry looks for the post first")
        }
        return Created(id: id, postID: str("post_id"), link: str("permalink_url") ?? str("permalink"))
    }

    /// POSTs a form whose answer is `{"success": true}` (hide, unhide, manage_reply).
    func update(_ path: String, form: [(String, String)]) async throws {
        try checkSuccess(try await send("POST", client.url(path), form: form))
    }

    /// DELETEs an object.
    func delete(_ path: String) async throws {
        try checkSuccess(try await send("DELETE", client.url(path)))
    }

    /// The first page of `path` (the newest objects), for the lookup before a retry.
    func recent(_ path: String, query: [(String, String)]) async throws -> [GraphObject] {
        let r = try await send("GET", client.url(path, query: query))
        do { return try client.decode(GraphPage<GraphObject>.self, from: r).data } catch let e as SourceError {
            throw PublishError(e)
        }
    }

    /// One object's fields (a container's status).
    func object(_ path: String, fields: String) async throws -> [String: Any] {
        let r = try await send("GET", client.url(path, query: [("fields", fields)]))
        return (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
    }

    func send(_ method: String, _ url: URL, form: [(String, String)] = []) async throws -> HTTPResponse {
        do {
            switch try await client.send(method, url, form: form) {
            case .success(let r): return r
            case .failure(let e): throw e.publishError
            }
        } catch let e as SourceError { throw PublishError(e) }
    }

    func checkSuccess(_ r: HTTPResponse) throws {
        let obj = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any]
        if let ok = obj?["success"] as? Bool, !ok {
            throw PublishError.rejected("\(client.label): Meta answered success: false")
        }
    }

    /// The object among `candidates` that is this account's post of `text` (whitespace normalised) made at or after
    /// `since` (an object without a time counts: the same text on the same parent is the post to find).
    static func match(
        _ candidates: [GraphObject], text: String, since: Date, isOwn: (GraphObject) -> Bool
    ) -> GraphObject? {
        let want = normalise(text)
        return candidates.first { o in
            guard o.id != nil, isOwn(o), normalise(o.body) == want else { return false }
            return o.created.map { $0 >= since } ?? true
        }
    }

    /// Text as networks give it back: whitespace runs as one space, trimmed, Unicode NFC.
    static func normalise(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    func posted(_ o: GraphObject) -> PostedRef {
        PostedRef(id: o.id ?? "", uri: o.id ?? "", url: o.link.map { NetworkText.clean($0, max: 500) })
    }

    func posted(_ c: Created) -> PostedRef { PostedRef(id: c.id, uri: c.id, url: c.link) }

    /// A public address for `m`: an `http(s)://` path as it is, else `media_base_url` + the file name; Meta fetches
    /// images from a URL and takes no upload.
    func publicURL(_ m: QueueMedia) throws -> String {
        let p = m.path.trimmingCharacters(in: .whitespaces)
        if p.lowercased().hasPrefix("https://") || p.lowercased().hasPrefix("http://") { return p }
        let name = (p as NSString).lastPathComponent
        guard var base = mediaBase?.trimmingCharacters(in: .whitespaces), !base.isEmpty else {
            throw PublishError.configuration(
                "\(Moderation.networkName(network)) fetches images from a public address and takes no upload: set "
                    + "\"media_base_url\" on source \(source) to where \(name) is served (or queue the image as an "
                    + "https:// address)")
        }
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/" + NetworkCall.escape(name)
    }

    /// Refuses an empty text (a reply or a text post).
    static func requireText(_ text: String) throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw PublishError.rejected("the post is empty")
        }
    }
}
