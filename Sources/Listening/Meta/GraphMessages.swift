import Foundation
import SwitchboardCore

/// Private messages of a Facebook Page (Messenger) or an Instagram professional account (Instagram Messaging):
/// reading them as private mentions from `GET /{owner}/conversations?platform=messenger|instagram` with
/// `fields=messages{id,message,from,created_time}`, and answering them through the Send API
/// (`POST /{owner}/messages` with `recipient={"id": …}`, `messaging_type=RESPONSE`, `message={"text": …}`).
///
/// The owner is the Page (Facebook, and Instagram with Facebook Login: the Page linked to the account) or the
/// Instagram account itself (Instagram Login). Meta lets a business answer only within 24 hours of the person's last
/// message (the standard messaging window); outside it an answer is refused here, before any request is sent. The
/// Send API takes no idempotency key: the lookup before a retry reads the conversation for our message.
struct GraphMessages: Sendable {
    let client: GraphClient
    /// `facebook` or `instagram`: the mentions' network.
    let network: String
    /// Who sends and receives: the Page id, or the Instagram account id with Instagram Login.
    let owner: String
    /// Ids that are the business itself in `from` (the Page, the Instagram account).
    let own: Set<String>
    let source: String
    var maxPages = 3, conversations = 25, perConversation = 25
    /// The standard messaging window.
    static let window: TimeInterval = 24 * 3600

    /// `messenger` or `instagram`, the `platform` parameter.
    var platform: String { network == "instagram" ? "instagram" : "messenger" }
    /// What the app is called where a person answers by hand.
    var appName: String { network == "instagram" ? "the Instagram app" : "the Page's inbox (Meta Business Suite)" }

    /// The messaging side of a Facebook or Instagram source (`page_id` needed for Instagram with Facebook Login).
    init(config: SourceConfig, client: GraphClient, account: String) throws {
        (self.client, self.network, self.source) = (client, config.type.lowercased(), config.id)
        if network == "instagram" && client.host == .facebook {
            guard let page = config.pageID?.trimmingCharacters(in: .whitespaces), !page.isEmpty else {
                throw SourceError.configuration(
                    "source \(config.id): Instagram messages through Facebook Login go through the Facebook Page linked "
                        + "to the account: set `page_id` to that Page's id (or log in with Instagram Login)")
            }
            (owner, own) = (page, [page, account])
        } else {
            (owner, own) = (account, [account])
        }
    }

    // MARK: Reading

    /// Messages newer than `since` (the newest `created_time` seen) of the conversations updated since then, newest
    /// conversations first; the business's own messages are left out. The first poll reads one page of conversations.
    func read(since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?) {
        let known = since.flatMap(Graph.date)
        var top = known
        var out: [Mention] = []
        var page = try await client.page(
            GraphConversation.self, "/\(owner)/conversations",
            query: [
                ("platform", platform), ("fields", "id,updated_time,messages.limit(\(perConversation)){\(fields)}"),
                ("limit", String(conversations)),
            ])
        for n in 1...max(1, maxPages) {
            var reachedKnown = false
            for convo in page.data {
                if let u = convo.updated, let k = known, u <= k { reachedKnown = true; continue }
                for m in convo.messages {
                    guard let at = m.created, known.map({ at > $0 }) ?? true else { continue }
                    if top.map({ at > $0 }) ?? true { top = at }
                    guard let id = m.authorID, !own.contains(id), !m.body.isEmpty else { continue }
                    if let x = mention(m, conversation: convo.id, sender: id) { out.append(x) }
                }
            }
            guard known != nil, !reachedKnown, n < maxPages, let more = try await client.next(page) else { break }
            page = more
        }
        return (out, top.map(Timestamp.format) ?? since, nil)
    }

    let fields = "id,message,from,created_time"

    /// A private mention for one message: key `NETWORK:dm/MESSAGE`, its conversation as thread, and as what an answer
    /// goes to: the conversation (`uri`) and the person's page-scoped id (`root_uri`).
    func mention(_ m: GraphObject, conversation: String, sender: String, person: String? = nil) -> Mention? {
        guard let raw = m.id, !raw.isEmpty else { return nil }
        let handle = (m.handle ?? m.displayName).map { NetworkText.clean($0, max: 100) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        let author = Author(
            handle: handle.map(Author.normalized(handle:)) ?? (network + ":" + NetworkText.identifier(sender)),
            name: m.handle == nil ? nil : m.displayName.map { NetworkText.clean($0, max: 100) },
            url: network == "instagram" ? m.handle.flatMap(InstagramSource.profile) : nil)
        return Mention(
            platform: network, id: "dm/" + NetworkText.identifier(raw), text: NetworkText.content(m.body),
            createdAt: m.created ?? client.now(), fetchedAt: client.now(), url: nil, author: author,
            threadRoot: "dm/" + conversation, source: source,
            reply: ReplyRef(uri: conversation, rootURI: NetworkText.identifier(person ?? sender), visibility: "direct"),
            extra: [
                "via": .string("dm"), "private": .bool(true), "author_id": .string(NetworkText.identifier(sender)),
                "dm_conversation_id": .string(conversation),
            ])
    }

    /// The whole conversation of a private message, both sides, oldest first: for the thread view.
    func thread(of m: Mention) async throws -> [Mention] {
        guard m.reply?.visibility == "direct", let c = m.reply?.uri, !c.isEmpty else { return [] }
        let r = try await client.get("/" + NetworkCall.escape(c), query: [("fields", "messages.limit(50){\(fields)}")])
        let all = try client.decode(GraphConversation.self, from: r).messages
        return all.reversed().compactMap { o in
            o.body.isEmpty
                ? nil : mention(o, conversation: c, sender: o.authorID ?? "", person: m.reply?.rootURI)
        }
    }

    // MARK: Answering

    /// The newest messages of one conversation (`GET /{conversation}?fields=messages{…}`).
    func messages(_ conversation: String) async throws -> [GraphObject] {
        let url = client.url(
            "/" + NetworkCall.escape(conversation), query: [("fields", "messages.limit(50){\(fields)}")])
        let r = try await publishing { try await client.send("GET", url) }
        do { return try client.decode(GraphConversation.self, from: r).messages } catch let e as SourceError {
            throw PublishError(e)
        }
    }

    /// Sends `draft` to the person of its conversation, within the 24-hour window.
    func send(_ draft: OutgoingPost) async throws -> PostedRef {
        let (conversation, recipient) = try GraphMessages.target(draft)
        try checkLength(draft.text)
        let theirs = try await messages(conversation).filter { $0.authorID == recipient }.compactMap(\.created).max()
        let now = client.now()
        guard let last = theirs, now.timeIntervalSince(last) <= GraphMessages.window else {
            let when = theirs.map { " (their last message came \(Timestamp.format($0)))" } ?? ""
            throw PublishError.rejected(
                "Meta lets a business answer a message only within 24 hours of the person's last message\(when): "
                    + "answer in \(appName), or wait until they write again")
        }
        let recipientJSON = try GraphMessages.json(["id": recipient])
        let message = try GraphMessages.json(["text": draft.text])
        let form = [("recipient", recipientJSON), ("messaging_type", "RESPONSE"), ("message", message)]
        let r = try await publishing { try await client.send("POST", client.url("/\(owner)/messages"), form: form) }
        let obj = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any]
        guard let id = (obj?["message_id"] as? String).map(NetworkText.identifier), !id.isEmpty else {
            throw PublishError.transient(
                "\(client.label): Meta answered without a message id (body starts: \(NetworkCall.sample(r.body))); "
                    + "the retry looks for the message first")
        }
        return PostedRef(id: id, uri: "dm/" + id, url: nil)
    }

    /// Our message in the draft's conversation with the draft's text, sent at or after `since`.
    func find(_ draft: OutgoingPost, since: Date) async throws -> PostedRef? {
        let (conversation, _) = try GraphMessages.target(draft)
        let ours = GraphPublishing.match(
            try await messages(conversation), text: draft.text, since: since.addingTimeInterval(-1)
        ) { $0.authorID.map(own.contains) ?? false }
        return ours?.id.map { PostedRef(id: NetworkText.identifier($0), uri: "dm/" + NetworkText.identifier($0)) }
    }

    /// Messenger takes 2,000 characters; Instagram 1,000 bytes of UTF-8.
    func checkLength(_ text: String) throws {
        try GraphPublishing.requireText(text)
        if network == "instagram", text.utf8.count > 1000 {
            throw PublishError.rejected("\(text.utf8.count) bytes: an Instagram message allows 1,000 bytes (UTF-8)")
        }
        if network != "instagram", text.count > 2000 {
            throw PublishError.rejected("\(text.count) characters: a Messenger message allows 2,000")
        }
    }

    /// The conversation and the person an answer goes to.
    static func target(_ draft: OutgoingPost) throws -> (conversation: String, recipient: String) {
        guard let ref = draft.inReplyTo, ref.visibility == "direct", let c = ref.uri, !c.isEmpty,
            let p = ref.rootURI, !p.isEmpty
        else {
            throw PublishError.configuration("the message names no conversation or person: answer it in the app")
        }
        return (c, p)
    }

    /// A Graph error as a publisher reports it; the window's own refusal (code 10, subcode 2018278) and a person who
    /// cannot be reached (551) are rejections with their reason.
    func publishing(_ result: () async throws -> Result<HTTPResponse, GraphError>) async throws -> HTTPResponse {
        do {
            switch try await result() {
            case .success(let r): return r
            case .failure(let e) where e.code == 10 && e.subcode == 2_018_278:
                throw PublishError.rejected(
                    "Meta refused the answer: the 24-hour window since the person's last message has closed "
                        + "(\(e.codeText)); answer in \(appName)")
            case .failure(let e) where e.code == 551:
                throw PublishError.rejected("this person cannot be reached by message now (\(e.codeText))")
            case .failure(let e): throw e.publishError
            }
        } catch let e as SourceError { throw PublishError(e) }
    }

    static func json(_ o: [String: String]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self)
    }
}
