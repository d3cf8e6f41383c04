import Foundation

extension Contacts {
    /// Whether a mention was posted by one of the brand's own accounts (the same test the contacts fold uses).
    public static func ownAccountTest(team: TeamConfig?) -> @Sendable (Mention) -> Bool {
        let s = RoleSuggester(settings: ContactSettings(team: team), team: team)
        return { m in m.author.map { s.isOwn(platform: m.platform, handle: $0.handle) } ?? false }
    }
}
