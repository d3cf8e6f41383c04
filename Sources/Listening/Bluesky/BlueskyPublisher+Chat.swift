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
