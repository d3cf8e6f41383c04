import Foundation
import SwitchboardCore

extension BlueskyPublisher {
    /// The chat service's limit on a message's length.
    static let maxMessageGraphemes = 1000

    /// Answers a direct message in its conversation (`chat.bsky.convo.sendMessage` through the PDS).
    func sendMessage(_ draft: OutgoingPost) async throws -> PostedRef {
        guard let convo = draft.inReplyTo?.uri, !convo.isEmpty else {
            throw PublishError.rejected("the direct message names no conversation")
        }
        let length = draft.text.count
        guard length > 0 else { throw PublishError.rejected("the message is empty") }
        guard length <= BlueskyPublisher.maxMessageGraphemes else {
            throw PublishError.rejected(
                "\(length) characters: a Bluesky message allows \(BlueskyPublisher.maxMessageGraphemes)")
        }
        let body: [String: Any] = ["convoId": convo, "message": ["text": draft.text]]
        let json = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        do {
            let r = try await client.post("chat.bsky.convo.sendMessage", json: json, headers: Bluesky.chatProxy)
            let m = try NetworkCall.decode(Bluesky.ChatMessage.self, from: r, label: client.label)
            return PostedRef(id: m.id, uri: "chat/" + convo + "/" + m.id, url: nil)
        } catch SourceError.configuration(let why) {
            throw PublishError.rejected(why)
        } catch let e as SourceError {
            throw PublishError(e)
        }
    }
}

/// A direct message has no record key that makes a second send harmless (posts have one: see `post`). So before any
/// attempt that may follow one whose outcome is unknown, the conversation's newest messages are asked for one of
/// ours with the same text since the draft was made; found, it is the answer and nothing is sent again.
extension BlueskyPublisher: LookupBeforeRetry {
    public func findPosted(_ draft: OutgoingPost, since: Date) async throws -> PostedRef? {
        guard draft.inReplyTo?.visibility == "direct", let convo = draft.inReplyTo?.uri, !convo.isEmpty else {
            return nil
        }
        do {
            let me = try await client.session().did
            let page = try await client.get(
                "chat.bsky.convo.getMessages", [("convoId", convo), ("limit", "100")], headers: Bluesky.chatProxy)
            let messages = try NetworkCall.decode(Bluesky.MessageList.self, from: page, label: client.label).messages
            let ours = messages.first { m in
                m.sender.did == me && m.text == draft.text && (Timestamp.parse(m.sentAt).map { $0 >= since } ?? false)
            }
            return ours.map { PostedRef(id: $0.id, uri: "chat/" + convo + "/" + $0.id, url: nil) }
        } catch SourceError.configuration(let why) {
            throw PublishError.rejected(why)
        } catch let e as SourceError {
            throw PublishError(e)
        }
    }
}
