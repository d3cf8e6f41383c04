import Foundation

extension Contacts {
    /// Whether a mention was posted by one of the brand's own accounts (the same test the contacts fold uses).
    public static func ownAccountTest(team: TeamConfig?) -> @Sendable (Mention) -> Bool {
        let own = OwnAccounts(team: team)
        return { m in own.contains(m) }
    }
}
