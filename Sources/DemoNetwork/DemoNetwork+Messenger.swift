import Foundation

/// The demo Page's Messenger inbox: one conversation with Jonas Schröder (`GET /{page}/conversations`, the
/// conversation's `messages`, and the Send API `POST /{page}/messages`). Answers are logged and come back in the
/// conversation as the Page's own messages.
extension DemoNetwork {
    static let messengerConversation = "t_10000000000000777"
    static let messengerSender = "6100000000000777"
    static let messengerText =
        "Guten Abend! Ich schreibe lieber privat: Meine Bestellung 4711 kam beschädigt an. Was kann ich tun?"

    /// The Messenger endpoints; nil for any other request.
    func messenger(_ r: LoopbackServer.Request, _ parts: [String]) -> LoopbackServer.Response? {
        let page = DemoGraphContent.facebookPage
        switch (r.method, parts) {
        case ("GET", [page, "conversations"]):
            return DemoNetwork.json([
                "data": [
                    [
                        "id": DemoNetwork.messengerConversation, "updated_time": DemoNetwork.timestamp(privateSentAt),
                        "messages": ["data": messengerMessages()],
                    ]
                ]
            ])
        case ("GET", [DemoNetwork.messengerConversation]):
            return DemoNetwork.json([
                "id": DemoNetwork.messengerConversation, "messages": ["data": messengerMessages()],
            ])
        case ("POST", [page, "messages"]): return messengerSend(r)
        default: return nil
        }
    }

    /// Newest first: the Page's answers, then the customer's message.
    func messengerMessages() -> [[String: Any]] {
        let page = DemoGraphContent.facebookPage
        let answers = accepted.filter { $0.network == "facebook-dm" }.reversed().map { p -> [String: Any] in
            [
                "id": p.id, "message": p.text, "from": ["id": page, "name": accounts.displayName],
                "created_time": DemoNetwork.timestamp(p.createdAt),
            ]
        }
        return answers + [
            [
                "id": "m_demo777", "message": DemoNetwork.messengerText,
                "from": ["id": DemoNetwork.messengerSender, "name": DemoNetwork.privateSender.name],
                "created_time": DemoNetwork.timestamp(privateSentAt),
            ]
        ]
    }

    /// The Send API: a text answer to the one person of the demo's conversation.
    func messengerSend(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let form = DemoNetwork.form(r)
        func field(_ name: String, _ key: String) -> String? {
            let o = (try? JSONSerialization.jsonObject(with: Data((form[name] ?? "").utf8))) as? [String: Any]
            return o?[key] as? String
        }
        guard form["messaging_type"] == "RESPONSE", field("recipient", "id") == DemoNetwork.messengerSender,
            let text = field("message", "text"), !text.isEmpty
        else { return DemoNetwork.graphError(100, "(#100) Invalid parameter") }
        let p: DemoPost = lock.withLock {
            let p = DemoPost(
                network: "facebook-dm", id: "m_" + nextSnowflake(), uri: "", text: text,
                inReplyTo: DemoNetwork.messengerConversation, visibility: "direct", createdAt: now())
            posts.append(p)
            append(
                DemoNetworkRecord(
                    at: p.createdAt, method: r.method, path: r.path, outcome: "created", status: 200, post: p))
            return p
        }
        return DemoNetwork.json(["recipient_id": DemoNetwork.messengerSender, "message_id": p.id])
    }
}
