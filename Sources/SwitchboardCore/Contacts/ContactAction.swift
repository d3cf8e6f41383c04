import Foundation

/// Changes people make to contacts (`contact_*` in the actions log, flat like every other action). Contacts are
/// named by their primary identity key (`mastodon:anna@social.example`), so the log reads well with `jq`.
public enum ContactAction: Hashable, Sendable {
    /// The contacts of `identities` become part of `contact` (their roles and notes come along).
    case merge(contact: String, identities: [String])
    /// `identity` leaves `contact` and is a contact of its own again (without the merged contact's roles and notes).
    case split(contact: String, identity: String)
    /// Roles set (`add`) or removed (`remove`) by hand. Role names are kept as written, so a newer role survives an older reader.
    case role(contact: String, add: [String], remove: [String])
    case note(contact: String, text: String)

    public var typeName: String {
        switch self {
        case .merge: return "contact_merge"
        case .split: return "contact_split"
        case .role: return "contact_role"
        case .note: return "contact_note"
        }
    }

    public static let typeNames: Set<String> = ["contact_merge", "contact_split", "contact_role", "contact_note"]

    /// The contact (primary identity key) this is about.
    public var contact: String {
        switch self {
        case .merge(let c, _), .split(let c, _), .role(let c, _, _), .note(let c, _): return c
        }
    }

    public var summary: String {
        switch self {
        case .merge(let c, let ids):
            return L10n.t("log.contact.merged", ["contact": c, "identities": ids.joined(separator: ", ")])
        case .split(let c, let i): return L10n.t("log.contact.split", ["contact": c, "identity": i])
        case .role(let c, let add, let remove):
            return L10n.t(
                "log.contact.roles",
                ["contact": c, "roles": (add.map { "+" + $0 } + remove.map { "-" + $0 }).joined(separator: " ")])
        case .note(let c, let t): return L10n.t("log.contact.note", ["contact": c]) + t
        }
    }

    enum Keys: String, CodingKey { case contact, identities, identity, add, remove, text }

    init(type: String, from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let contact = try c.decode(String.self, forKey: .contact)
        switch type {
        case "contact_merge":
            self = .merge(contact: contact, identities: try c.decode([String].self, forKey: .identities))
        case "contact_split": self = .split(contact: contact, identity: try c.decode(String.self, forKey: .identity))
        case "contact_role":
            self = .role(
                contact: contact, add: try c.decodeIfPresent([String].self, forKey: .add) ?? [],
                remove: try c.decodeIfPresent([String].self, forKey: .remove) ?? [])
        case "contact_note": self = .note(contact: contact, text: try c.decode(String.self, forKey: .text))
        default:
            throw DecodingError.dataCorrupted(
                .init(codingPath: c.codingPath, debugDescription: "unknown contact action \(type)"))
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(contact, forKey: .contact)
        switch self {
        case .merge(_, let ids): try c.encode(ids, forKey: .identities)
        case .split(_, let i): try c.encode(i, forKey: .identity)
        case .role(_, let add, let remove):
            if !add.isEmpty { try c.encode(add, forKey: .add) }
            if !remove.isEmpty { try c.encode(remove, forKey: .remove) }
        case .note(_, let t): try c.encode(t, forKey: .text)
        }
    }
}
