import Foundation

extension Contacts {
    /// Whether a mention was posted by one of the brand's own accounts (the same test the contacts fold uses).
    public static func ownAccountTest(team: TeamConfig?) -> @Sendable (Mention) -> Bool {
        let own = OwnAccounts(team: team)
        return { m in own.contains(m) }
    }
}

extension Contacts {
    /// Whether a person with `roles` matches `role:value` (`fan`, `fan,critic`, `vip`), as `roleHook()` decides it.
    public static func matches(roles: [ContactRole], _ value: String) -> Bool {
        roles.reduce(UInt16(0)) { $0 | bit($1) } & wanted(value) != 0
    }
}
