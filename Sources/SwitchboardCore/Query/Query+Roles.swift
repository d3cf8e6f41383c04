import Foundation

extension Node {
    var usesRole: Bool {
        switch self {
        case .role: return true
        case .and(let n), .or(let n): return n.contains { $0.usesRole }
        case .not(let n): return n.usesRole
        default: return false
        }
    }
}

extension Query {
    /// Whether the query uses `role:` (then its environment needs the contacts' `roleHook()`).
    public var usesRoles: Bool { root.usesRole }
}
