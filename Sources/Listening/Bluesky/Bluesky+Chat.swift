import Foundation

extension Bluesky {
    /// The header that sends a call through the account's PDS on to the chat service.
    public static let chatProxy = ["atproto-proxy": "did:web:api.bsky.chat#bsky_chat"]

    /// `chat.bsky.convo.defs#messageView`; a deleted message (`#deletedMessageView`) has no text and is skipped.
    public struct ChatMessage: Decodable, Sendable {
        public struct Sender: Decodable, Sendable { public var did: String }
        public var id: String
        public var text: String?
        public var sender: Sender
        public var sentAt: String
    }

    /// `chat.bsky.convo.defs#convoView`.
    public struct Convo: Decodable, Sendable {
        public var id: String
        public var members: [Profile]
        public var lastMessage: ChatMessage?

        enum CodingKeys: String, CodingKey { case id, members, lastMessage }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            members = (try? c.decodeIfPresent([Profile].self, forKey: .members)) ?? []
            lastMessage = try? c.decodeIfPresent(ChatMessage.self, forKey: .lastMessage)
        }
    }

    /// Output of `chat.bsky.convo.listConvos`.
    public struct ConvoList: Decodable, Sendable {
        public var cursor: String?
        public var convos: [Convo]
    }

    /// Output of `chat.bsky.convo.getMessages` (newest first); deleted messages are left out.
    public struct MessageList: Decodable, Sendable {
        public var cursor: String?
        public var messages: [ChatMessage]
        enum CodingKeys: String, CodingKey { case cursor, messages }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            cursor = try? c.decodeIfPresent(String.self, forKey: .cursor)
            struct Lenient: Decodable {
                let message: ChatMessage?
                init(from decoder: Decoder) throws { message = try? ChatMessage(from: decoder) }
            }
            messages = try c.decode([Lenient].self, forKey: .messages).compactMap(\.message)
        }
    }
}
