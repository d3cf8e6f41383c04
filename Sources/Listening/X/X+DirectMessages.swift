import Foundation
import SwitchboardCore

extension X {
    /// What a direct message event carries when Switchboard asks for it (`dm_event.fields`).
    static let dmEventFields = "id,text,event_type,created_at,sender_id,dm_conversation_id,attachments"
    /// X's limit on a direct message's length.
    public static let maxMessageLength = 10_000
    /// The scopes direct messages need besides `XOAuth.scopes`.
    public static let dmScopes = ["dm.read", "dm.write"]

    /// One page of `GET /2/dm_events` or `/2/dm_conversations/:id/dm_events`: `data` (newest first), the senders in
    /// `includes.users`, partial `errors` and `meta.next_token`. Events that do not decode are skipped.
    public typealias DMPage = Paged<DMEvent>

    /// A direct message event: `MessageCreate` (a message), `ParticipantsJoin`, `ParticipantsLeave`.
    public struct DMEvent: Decodable, Sendable {
        public var id: String
        public var eventType: String?, text: String?, createdAt: String?
        public var senderID: String?, conversationID: String?

        enum CodingKeys: String, CodingKey {
            case id, text, eventType = "event_type", createdAt = "created_at", senderID = "sender_id"
            case conversationID = "dm_conversation_id"
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            guard let id = X.stringID(c, .id), !id.isEmpty else {
                throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: [], debugDescription: "no id"))
            }
            self.id = id
            eventType = try? c.decodeIfPresent(String.self, forKey: .eventType)
            text = try? c.decodeIfPresent(String.self, forKey: .text)
            createdAt = try? c.decodeIfPresent(String.self, forKey: .createdAt)
            senderID = X.stringID(c, .senderID)
            conversationID = X.stringID(c, .conversationID)
        }

        /// A message (not a join or leave).
        public var isMessage: Bool { (eventType ?? "MessageCreate") == "MessageCreate" }
    }

    /// `POST /2/dm_conversations/:id/messages` answers `{"data": {"dm_conversation_id": …, "dm_event_id": …}}`.
    struct DMCreated: Decodable {
        struct Body: Decodable {
            var event: String
            var conversation: String?
            enum CodingKeys: String, CodingKey { case conversation = "dm_conversation_id", event = "dm_event_id" }
        }
        var data: Body
    }

    static func stringID<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) -> String? {
        if let s = try? c.decodeIfPresent(String.self, forKey: key) { return NetworkText.identifier(s) }
        if let n = try? c.decodeIfPresent(Int64.self, forKey: key) { return String(n) }
        return nil
    }

    /// `https://x.com/messages/CONVERSATION`: where a person opens the conversation.
    public static func messagesURL(_ conversation: String) -> String { "https://x.com/messages/\(conversation)" }

    /// A conversation id as X makes them (digits, and `-` between the two members of a one-to-one conversation).
    static func isConversationID(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 80 && s.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
    }
}
