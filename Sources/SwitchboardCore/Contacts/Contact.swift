import Foundation

/// A person: one or more identities merged by hand, with roles, notes and what they wrote.
public struct Contact: Hashable, Sendable, Identifiable {
    /// Short id (10 characters, like mention keys; commands take an unambiguous prefix of 4 or more).
    public var id: String
    /// The identity the contact is named after (its first); `ContactAction`s refer to contacts by it.
    public var primary: String
    /// The primary identity first, then the merged ones in the order they were merged.
    public var identities: [ContactIdentity]
    /// The display name (the primary identity's name, else its handle).
    public var name: String
    /// Followers over all identities.
    public var reach: Int, firstSeen: Date, lastSeen: Date, mentionCount: Int
    public var positive: Int, neutral: Int, negative: Int
    /// Mean sentiment score (-1…+1) over the analysed mentions; nil when none is analysed.
    public var averageScore: Double?
    /// Roles suggested from the mentions, each with the reason (`reach 248,900 and 2 positive mentions`).
    public var suggested: [ContactRole: String]
    /// Roles set by hand (always shown) and suggestions removed by hand (never shown again).
    public var setRoles: Set<ContactRole>, removedRoles: Set<ContactRole>, notes: [Note]

    /// The roles in effect: set by hand, plus suggestions not removed by hand; in `ContactRole.allCases` order.
    public var roles: [ContactRole] {
        ContactRole.allCases.filter { setRoles.contains($0) || (suggested[$0] != nil && !removedRoles.contains($0)) }
    }

    public func has(_ role: ContactRole) -> Bool {
        setRoles.contains(role) || (suggested[role] != nil && !removedRoles.contains(role))
    }

    /// Whether the role is only suggested (not set by hand).
    public func isSuggestedOnly(_ role: ContactRole) -> Bool {
        !setRoles.contains(role) && suggested[role] != nil && !removedRoles.contains(role)
    }

    /// A very important person for the feed's VIP mark: a multiplier or a journalist.
    public var isVIP: Bool { has(.multiplier) || has(.journalist) }

    /// Every mention key of every identity.
    public var mentionKeys: [String] { identities.flatMap(\.mentions) }

    /// The short id of the contact named after identity `key`.
    public static func id(forPrimary key: String) -> String { MentionKey.make(platform: "contact", id: key) }
}
