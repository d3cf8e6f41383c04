import Foundation

/// The demo's X direct messages: one conversation with Jonas Schröder (`GET /2/dm_events`, the conversation's
/// `dm_events`, and `POST /2/dm_conversations/:id/messages`). Answers go back into the same conversation, are
/// logged, and come back in the events (as the brand's own messages).
extension DemoNetwork {
    static let xPrivateSender = (id: "1700000000000000777", username: "jonas_schroeder")
    static let xPrivateText =
        "Hallo! Meine Kundennummer schicke ich lieber hier privat: 48151. Die Rechnung für November fehlt noch – "
        + "können Sie sie mir erneut senden?"

    /// The one-to-one conversation's id: the two members' ids, the smaller first.
    var xConversationID: String {
        let a = accounts.xUserID, b = DemoNetwork.xPrivateSender.id
        let aFirst = a.count != b.count ? a.count < b.count : a < b
        return aFirst ? "\(a)-\(b)" : "\(b)-\(a)"
    }

    /// The direct message endpoints; nil for any other path.
    func xDirect(_ r: LoopbackServer.Request) -> LoopbackServer.Response? {
        let conversationPath = "/2/dm_conversations/\(xConversationID)"
        switch (r.method, r.path) {
        case ("GET", "/2/dm_events"), ("GET", conversationPath + "/dm_events"): return xEvents()
        case ("POST", conversationPath + "/messages"): return xSendMessage(r)
        case ("POST", _) where r.path.hasPrefix("/2/dm_conversations/"):
            return DemoNetwork.json(
                ["title": "Not Found Error", "detail": "Conversation not found", "type": "about:blank", "status": 404],
                status: 404)
        default: return nil
        }
    }

    /// The conversation, newest first: the brand's answers, then the customer's message.
    func xEvents() -> LoopbackServer.Response {
        let conversation = xConversationID
        func event(_ id: String, _ text: String, _ sender: String, _ at: Date) -> [String: Any] {
            [
                "id": id, "event_type": "MessageCreate", "text": text, "sender_id": sender,
                "dm_conversation_id": conversation, "created_at": DemoNetwork.timestamp(at),
            ]
        }
        let answers = accepted.filter { $0.network == "x-dm" }.reversed().map {
            event($0.id, $0.text, accounts.xUserID, $0.createdAt)
        }
        let s = DemoNetwork.xPrivateSender
        let data = answers + [event("1864000000000000777", DemoNetwork.xPrivateText, s.id, privateSentAt)]
        let users: [[String: Any]] = [
            ["id": accounts.xUserID, "username": accounts.xUsername, "name": accounts.displayName],
            ["id": s.id, "username": s.username, "name": DemoNetwork.privateSender.name],
        ]
        return DemoNetwork.json(["data": data, "includes": ["users": users], "meta": ["result_count": data.count]])
    }

    /// `POST /2/dm_conversations/:id/messages`: no idempotency key (the connector looks first).
    func xSendMessage(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let text = r.json?["text"] as? String ?? ""
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            append(
                DemoNetworkRecord(
                    at: now(), method: r.method, path: r.path, outcome: "rejected", status: 400, error: "empty text"))
            return DemoNetwork.json(
                ["title": "Invalid Request", "detail": "The message has no text.", "status": 400], status: 400)
        }
        let p: DemoPost = lock.withLock {
            let id = nextSnowflake()
            let p = DemoPost(
                network: "x-dm", id: id, uri: "dm/" + id, text: text, inReplyTo: xConversationID, visibility: "direct",
                createdAt: now())
            posts.append(p)
            append(
                DemoNetworkRecord(
                    at: p.createdAt, method: r.method, path: r.path, outcome: "created", status: 201, post: p))
            return p
        }
        return DemoNetwork.json(
            ["data": ["dm_conversation_id": xConversationID, "dm_event_id": p.id]], status: 201)
    }
}
