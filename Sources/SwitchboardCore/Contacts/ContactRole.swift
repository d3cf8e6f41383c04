import Foundation

/// What a person is to the brand. Some are suggested from the mentions (see `RoleSuggester.swift`); all can be set
/// or removed by hand (`ContactAction.role`), and a hand-made choice always wins over a suggestion.
public enum ContactRole: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case fan, multiplier, critic, customer, employee, formerEmployee = "former-employee", journalist, competitor

    /// Parses a role as people type it: `former-employee`, `former_employee`, `ex-employee`, `press` (journalist).
    public init?(parsing s: String) {
        let v = s.lowercased().replacingOccurrences(of: "_", with: "-")
        switch v {
        case "former-employee", "formeremployee", "ex-employee", "former": self = .formerEmployee
        case "press", "journalists": self = .journalist
        case "fans": self = .fan
        case "critics": self = .critic
        case "multipliers", "influencer": self = .multiplier
        default:
            guard let r = ContactRole(rawValue: v) else { return nil }
            self = r
        }
    }

    public static func < (a: ContactRole, b: ContactRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
