import Foundation
import SwitchboardCore

/// A Messenger or Instagram conversation of a Page or a professional account (`/{page}/conversations`), with the
/// page of its newest messages asked for in `fields=messages{…}` (newest first). Every field but the id optional.
public struct GraphConversation: Decodable, Sendable {
    public var id: String
    public var updatedTime: String?
    /// The newest messages (`message` text, `from {id, name, username}`, `created_time`).
    public var messages: [GraphObject]

    enum CodingKeys: String, CodingKey { case id, messages, updatedTime = "updated_time" }

    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        guard let id = c.graphString(.id), !id.isEmpty else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: [], debugDescription: "no id"))
        }
        self.id = NetworkText.identifier(id)
        updatedTime = c.graphString(.updatedTime)
        messages = (try? c.decodeIfPresent(GraphPage<GraphObject>.self, forKey: .messages))?.data ?? []
    }

    public var updated: Date? { Graph.date(updatedTime) }
}
