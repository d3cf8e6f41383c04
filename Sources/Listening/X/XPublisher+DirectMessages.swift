import Foundation
import SwitchboardCore

/// Answers to X direct messages: `POST /2/dm_conversations/:id/messages` with `{"text": …}` into the message's
/// conversation — never a post. X takes no idempotency key here either, so the lookup before a retry reads the
/// conversation's newest events for a message of ours with the same text since the draft was made.
extension XPublisher {
    /// True for a draft that answers a direct message.
    static func isDirect(_ draft: OutgoingPost) -> Bool { draft.inReplyTo?.visibility == "direct" }

    func sendMessage(_ draft: OutgoingPost) async throws -> PostedRef {
        let conversation = try XPublisher.conversation(draft)
        let text = draft.text
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PublishError.rejected("the message is empty")
        }
        guard text.count <= X.maxMessageLength else {
            throw PublishError.rejected("\(text.count) characters: an X direct message allows \(X.maxMessageLength)")
        }
        let path = "/2/dm_conversations/\(conversation)/messages"
        let r = try await call { try await client.send("POST", path, json: ["text": text]) }
        if r.status == 403 || r.status == 400 || r.status == 404, let p = X.Problem.parse(r.body) {
            let lower = p.summary.lowercased()
            if lower.contains("not permitted") || lower.contains("cannot send") || lower.contains("not allowed")
                || lower.contains("not found") || lower.contains("does not exist")
            {
                throw PublishError.rejected(
                    "X does not let this account message the person (they may not accept messages any more, or the "
                        + "conversation is gone): \(p.summary)")
            }
        }
        if (400..<500).contains(r.status), r.status != 401, r.status != 403, r.status != 429 {
            throw PublishError.rejected(
                "X refused the message (HTTP \(r.status): \(X.Problem.parse(r.body)?.summary ?? "no reason given"))")
        }
        try call { try client.checkDirect(r) }
        let created = try call { try NetworkCall.decode(X.DMCreated.self, from: r, label: client.label) }
        let id = NetworkText.identifier(created.data.event)
        return PostedRef(id: id, uri: "dm/" + id, url: X.messagesURL(conversation))
    }

    /// Our message in the draft's conversation with the draft's text, sent at or after `since`.
    func findMessage(_ draft: OutgoingPost, since: Date) async throws -> PostedRef? {
        let conversation = try XPublisher.conversation(draft)
        let q = [
            ("dm_event.fields", X.dmEventFields), ("event_types", "MessageCreate"), ("max_results", "100"),
        ]
        let (page, _) = try await call {
            try await client.directMessages("/2/dm_conversations/\(conversation)/dm_events", q)
        }
        _ = try? ledger.add(page.data.count, now: client.now())
        let want = GraphPublishing.normalise(draft.text)
        let ours = page.data.first { e in
            guard e.isMessage, e.senderID == userID, GraphPublishing.normalise(e.text ?? "") == want else {
                return false
            }
            return e.createdAt.flatMap(Timestamp.parse).map { $0 >= since.addingTimeInterval(-1) } ?? true
        }
        return ours.map { e in
            let id = NetworkText.identifier(e.id)
            return PostedRef(id: id, uri: "dm/" + id, url: X.messagesURL(conversation))
        }
    }

    /// The conversation a direct message answer goes to.
    static func conversation(_ draft: OutgoingPost) throws -> String {
        guard let c = draft.inReplyTo?.uri, X.isConversationID(c) else {
            throw PublishError.configuration("the direct message names no X conversation: answer it in the X app")
        }
        return c
    }
}
