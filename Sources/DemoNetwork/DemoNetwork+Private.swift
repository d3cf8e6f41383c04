import Foundation

/// The demo's private messages: one direct-visibility mention on Mastodon and one Bluesky chat conversation
/// (`chat.bsky.convo.listConvos`, `getMessages`, `sendMessage`, through the PDS with the chat service's
/// `atproto-proxy` header, refused without it). Answers go back into the same conversation and are logged.
extension DemoNetwork {
    /// The customer who writes privately, on both networks.
    static let privateSender = (
        mastodonID: "109000000000000777", acct: "jonas.schroeder@chaos.social", name: "Jonas Schröder",
        did: "did:plc:jonasschroederdemo0000000", handle: "jonas-schroeder.bsky.social"
    )
    static let privateText =
        "Hallo! Meine Rechnungsnummer steht unten – bitte nicht öffentlich antworten. Warum wurde zweimal abgebucht?"
    static let convoID = "3lconvodemo2"

    /// When the private messages were sent: a quarter of an hour before the network started.
    var privateSentAt: Date { started.addingTimeInterval(-15 * 60) }

    /// The Mastodon notification of the direct message (id below every snowflake the demo makes).
    func mastodonDirectNotification() -> [String: Any] {
        let s = DemoNetwork.privateSender
        let account: [String: Any] = [
            "id": s.mastodonID, "username": "jonas.schroeder", "acct": s.acct, "display_name": s.name,
            "url": "https://chaos.social/@jonas.schroeder", "followers_count": 41, "bot": false,
        ]
        let status: [String: Any] = [
            "id": "100000000000000777", "uri": "https://chaos.social/users/jonas.schroeder/statuses/100000000000000777",
            "url": "https://chaos.social/@jonas.schroeder/100000000000000777",
            "created_at": DemoNetwork.timestamp(privateSentAt), "account": account,
            "content": DemoNetwork.html("@\(accounts.mastodonUser) " + DemoNetwork.privateText),
            "visibility": "direct", "sensitive": false, "spoiler_text": "", "mentions": [], "tags": [],
            "in_reply_to_id": NSNull(), "language": "de",
        ]
        return [
            "id": "100000000000000777", "type": "mention", "created_at": DemoNetwork.timestamp(privateSentAt),
            "account": account, "status": status,
        ]
    }

    /// `chat.bsky.convo.*`; nil for any other method.
    func blueskyChat(_ nsid: String, _ r: LoopbackServer.Request) -> LoopbackServer.Response? {
        guard nsid.hasPrefix("chat.bsky.") else { return nil }
        guard r.header("atproto-proxy") == "did:web:api.bsky.chat#bsky_chat" else {
            return DemoNetwork.json(
                ["error": "MethodNotImplemented", "message": "chat methods need the atproto-proxy header"], status: 501)
        }
        switch (r.method, nsid) {
        case ("GET", "chat.bsky.convo.listConvos"):
            let messages = chatMessages()
            return DemoNetwork.json([
                "convos": [
                    [
                        "id": DemoNetwork.convoID, "rev": "1", "members": chatMembers(), "lastMessage": messages[0],
                        "muted": false, "unreadCount": 1,
                    ]
                ]
            ])
        case ("GET", "chat.bsky.convo.getMessages"):
            guard r.query("convoId") == DemoNetwork.convoID else {
                return DemoNetwork.json(["error": "InvalidConvo", "message": "Convo not found"], status: 400)
            }
            return DemoNetwork.json(["messages": chatMessages()])
        case ("POST", "chat.bsky.convo.sendMessage"):
            let body = r.json ?? [:]
            let text = (body["message"] as? [String: Any])?["text"] as? String ?? ""
            guard body["convoId"] as? String == DemoNetwork.convoID, !text.isEmpty else {
                return DemoNetwork.json(["error": "InvalidRequest", "message": "no such convo or empty"], status: 400)
            }
            let p: DemoPost = lock.withLock {
                let id = nextTID()
                let p = DemoPost(
                    network: "bluesky-chat", id: id, uri: "chat/\(DemoNetwork.convoID)/\(id)", text: text,
                    inReplyTo: DemoNetwork.convoID, language: nil, visibility: "direct", createdAt: now(), key: nil)
                posts.append(p)
                append(
                    DemoNetworkRecord(
                        at: p.createdAt, method: r.method, path: r.path, outcome: "created", status: 200, key: nil,
                        post: p))
                return p
            }
            return DemoNetwork.json(chatMessage(id: p.id, text: text, sender: accounts.blueskyDID, at: p.createdAt))
        default:
            return DemoNetwork.json(
                ["error": "MethodNotImplemented", "message": "Method Not Implemented"], status: 501)
        }
    }

    func chatMembers() -> [[String: Any]] {
        let s = DemoNetwork.privateSender
        return [
            ["did": accounts.blueskyDID, "handle": accounts.blueskyHandle, "displayName": accounts.displayName],
            ["did": s.did, "handle": s.handle, "displayName": s.name],
        ]
    }

    /// The conversation, newest first: the brand's answers, then the customer's message.
    func chatMessages() -> [[String: Any]] {
        let answers = accepted.filter { $0.network == "bluesky-chat" }.reversed().map {
            chatMessage(id: $0.id, text: $0.text, sender: accounts.blueskyDID, at: $0.createdAt)
        }
        return answers
            + [
                chatMessage(
                    id: "3lmsgdemo1", text: DemoNetwork.privateText, sender: DemoNetwork.privateSender.did,
                    at: privateSentAt)
            ]
    }

    func chatMessage(id: String, text: String, sender: String, at: Date) -> [String: Any] {
        [
            "$type": "chat.bsky.convo.defs#messageView", "id": id, "rev": id, "text": text, "sender": ["did": sender],
            "sentAt": DemoNetwork.timestamp(at),
        ]
    }
}
