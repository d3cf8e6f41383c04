import Foundation
import SwitchboardCore

/// The feed's mark for a person (★ multiplier or journalist, ⚑ critic), by mention key.
public enum PersonMark: Sendable, Equatable {
    case vip, critic
    public var glyph: String { self == .vip ? "★" : "⚑" }

    /// The mark of a contact: VIP (multiplier or journalist) before critic; nil for everyone else.
    init?(_ c: Contact) {
        if c.isVIP { self = .vip } else if c.has(.critic) { self = .critic } else { return nil }
    }
}
