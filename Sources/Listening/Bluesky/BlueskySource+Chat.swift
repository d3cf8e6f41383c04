import Foundation
import SwitchboardCore

extension BlueskySource {
    /// The account's direct messages since `since` (the newest `sentAt` seen), through the PDS to the chat
    /// service: conversations whose last message is newer, then their new messages. The account's own messages
    /// are left out; each other one becomes a private mention answered in the same conversation.
    func directMessages(since: String?) async throws -> ([Mention], String?) {
        let me = try await client.session().did
        let r = try await client.get(
            "chat.bsky.convo.listConvos", [("limit", String(pageSize))], headers: Bluesky.chatProxy)
        let list = try NetworkCall.decode(Bluesky.ConvoList.self, from: r, label: client.label)
        let sinceDate = since.flatMap(Timestamp.parse)
        var out: [Mention] = []
        var newest = since
        func newer(_ at: String) -> Bool {
            guard let d = Timestamp.parse(at) else { return false }
            return sinceDate.map { d > $0 } ?? true
        }
        for convo in list.convos {
            guard let last = convo.lastMessage, newer(last.sentAt) else { continue }
            let page = try await client.get(
                "chat.bsky.convo.getMessages", [("convoId", convo.id), ("limit", String(pageSize))],
                headers: Bluesky.chatProxy)
            let messages = try NetworkCall.decode(Bluesky.MessageList.self, from: page, label: client.label).messages
            for m in messages where newer(m.sentAt) {
                if let at = Timestamp.parse(m.sentAt), newest.flatMap(Timestamp.parse).map({ at > $0 }) ?? true {
                    newest = m.sentAt
                }
                guard m.sender.did != me, let text = m.text, !text.isEmpty else { continue }
                let author = convo.members.first { $0.did == m.sender.did }
                out.append(chatMention(m, text: text, convo: convo.id, author: author))
            }
        }
        return (out, newest)
    }

    func chatMention(_ m: Bluesky.ChatMessage, text: String, convo rawConvo: String, author: Bluesky.Profile?)
        -> Mention
    {
        let convo = NetworkText.identifier(rawConvo)
        let handle = author.map { NetworkText.clean($0.handle, max: 253) }
        let name = author?.displayName.map { NetworkText.clean($0, max: 100) }.flatMap { $0.isEmpty ? nil : $0 }
        return Mention(
            platform: "bluesky", id: "chat/" + convo + "/" + NetworkText.identifier(m.id),
            text: NetworkText.content(text), createdAt: Timestamp.parse(m.sentAt) ?? client.now(),
            fetchedAt: client.now(), url: nil,
            author: handle.map { Author(handle: "@" + $0, name: name, url: "https://bsky.app/profile/" + $0) },
            threadRoot: "chat/" + convo, source: id,
            // The conversation is what a reply goes to: `chat.bsky.convo.sendMessage`, never a public post.
            reply: ReplyRef(uri: convo, visibility: "direct"),
            extra: [
                "via": .string("dm"), "private": .bool(true), "did": .string(NetworkText.identifier(m.sender.did)),
            ])
    }
}
