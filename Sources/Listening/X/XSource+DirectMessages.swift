import Foundation
import SwitchboardCore

extension XSource {
    /// The account's direct messages since `since` (the newest event id seen): `GET /2/dm_events` (newest first, the
    /// last 30 days), paged with `pagination_token` until an event not newer than `since` (the first poll reads one
    /// page). Every event read is charged to the read ledger like a post. Messages the account sent itself, joins and
    /// leaves are left out; each other message becomes a private mention answered in its conversation.
    func directMessages(since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?) {
        var out: [Mention] = []
        var (newest, token, wait): (String?, String?, Date?) = (since, nil, nil)
        for _ in 0..<max(1, maxPages) {
            var n = min(pageSize, 100)
            if let b = config.monthlyReadBudget {
                let left = b - ledger.used(now: client.now())
                if left < 1 {
                    if out.isEmpty && token == nil { throw spent(b, now: client.now()) }
                    break
                }
                n = min(n, left)
            }
            var q: [(String, String)] = [
                ("dm_event.fields", X.dmEventFields), ("event_types", "MessageCreate"), ("expansions", "sender_id"),
                ("user.fields", "username,name"), ("max_results", String(max(1, n))),
            ]
            if let token { q.append(("pagination_token", token)) }
            let (page, r) = try await client.directMessages("/2/dm_events", q)
            try ledger.add(page.data.count, now: client.now())
            var users: [String: X.User] = [:]
            for u in page.includes.users { users[u.id] = u }
            var reachedKnown = false
            for e in page.data {
                if let since, !XSource.olderID(since, e.id) { reachedKnown = true; continue }
                if newest.map({ XSource.olderID($0, e.id) }) ?? true { newest = e.id }
                guard e.isMessage, e.senderID != config.userID, let text = e.text, !text.isEmpty else { continue }
                out.append(directMention(e, text: text, users: users))
            }
            if let nb = XClient.rateLimit(r.headers, now: client.now()).notBefore { wait = nb; break }
            guard since != nil, !reachedKnown, let next = page.meta?.nextToken, !next.isEmpty, next != token,
                !page.data.isEmpty
            else { break }
            token = next
        }
        return (out, newest, wait)
    }

    /// The conversation of a direct message, both sides, for the thread view: one page of up to 100 events of
    /// `/2/dm_conversations/:id/dm_events`, charged to the read ledger.
    func directConversation(of mention: Mention) async throws -> [Mention] {
        guard let c = mention.reply?.uri, X.isConversationID(c) else { return [] }
        let now = client.now()
        if let b = config.monthlyReadBudget, ledger.used(now: now) >= b { throw spent(b, now: now) }
        let q = [
            ("dm_event.fields", X.dmEventFields), ("event_types", "MessageCreate"), ("expansions", "sender_id"),
            ("user.fields", "username,name"), ("max_results", "100"),
        ]
        let (page, _) = try await client.directMessages("/2/dm_conversations/\(c)/dm_events", q)
        try ledger.add(page.data.count, now: client.now())
        var users: [String: X.User] = [:]
        for u in page.includes.users { users[u.id] = u }
        return page.data.reversed().compactMap { e in
            guard e.isMessage, let text = e.text, !text.isEmpty else { return nil }
            var e = e
            if e.conversationID == nil { e.conversationID = c }
            return directMention(e, text: text, users: users)
        }
    }

    /// A private mention for one message: key `x:dm/EVENT`, the conversation as its thread and as what a reply goes
    /// to (`POST /2/dm_conversations/:id/messages`, never a public post).
    func directMention(_ e: X.DMEvent, text: String, users: [String: X.User]) -> Mention {
        let id = NetworkText.identifier(e.id)
        let sender = e.senderID.map(NetworkText.identifier)
        // Without the field, a one-to-one conversation's id is its two members' ids, the smaller first.
        let conversation =
            e.conversationID
            ?? sender.map { s in [s, config.userID ?? ""].sorted(by: XSource.olderID).joined(separator: "-") } ?? id
        let user = sender.flatMap { users[$0] }
        let username = user?.username.map { NetworkText.clean($0, max: 50) }.flatMap { $0.isEmpty ? nil : $0 }
        let name = user?.name.map { NetworkText.clean($0, max: 100) }.flatMap { $0.isEmpty ? nil : $0 }
        var extra: [String: JSONValue] = [
            "via": .string("dm"), "private": .bool(true), "dm_conversation_id": .string(conversation),
        ]
        if let sender { extra["author_id"] = .string(sender) }
        return Mention(
            platform: "x", id: "dm/" + id, text: NetworkText.content(text),
            createdAt: e.createdAt.flatMap(Timestamp.parse) ?? client.now(), fetchedAt: client.now(),
            url: X.messagesURL(conversation),
            author: username.map { Author(handle: "@" + $0, name: name, url: "https://x.com/" + $0) }
                ?? sender.map { Author(handle: "x:" + $0, name: name) },
            threadRoot: "dm/" + conversation, source: self.id,
            reply: ReplyRef(uri: conversation, visibility: "direct"), extra: extra)
    }
}

extension XClient {
    /// GET a page of direct message events. A 403 that is not the app's access level means the token lacks the
    /// direct message scopes: said so, with how to log in again.
    func directMessages(_ path: String, _ query: [(String, String)]) async throws -> (X.DMPage, HTTPResponse) {
        let r = try await send("GET", path, query: query)
        try checkDirect(r)
        let page = try NetworkCall.decode(X.DMPage.self, from: r, label: label)
        if page.data.isEmpty, page.meta == nil, let p = page.errors.first {
            throw SourceError.configuration("\(label): X answered with an error only: \(p.summary)")
        }
        return (page, r)
    }

    /// `check`, with a 403 about direct messages explained: the scopes `dm.read dm.write` are missing.
    func checkDirect(_ r: HTTPResponse) throws {
        if r.status == 403, let p = X.Problem.parse(r.body), !(p.type ?? "").hasSuffix("client-forbidden") {
            throw SourceError.needsLogin(
                "\(label): X refused access to direct messages (HTTP 403: \(p.summary)); the token needs the scopes "
                    + "\(X.dmScopes.joined(separator: " ")): log in again with `switchboard sources add --type x "
                    + "--id \(sourceID) --direct-messages`")
        }
        try check(r)
    }
}
