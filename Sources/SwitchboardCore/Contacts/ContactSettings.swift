import Foundation

/// `team.json`'s optional `"contacts"` object: the thresholds of the role suggestions and the team's own accounts.
///
///     "contacts": {"multiplier_followers": 10000, "fan_positive": 2, "critic_negative": 2,
///                  "employee_review_sites": ["glassdoor.com", "kununu.com"], "own_accounts": ["acme@mastodon.social"]}
public struct ContactSettings: Hashable, Sendable {
    /// Followers (over all identities) from which a contact with a positive mention is a multiplier.
    public var multiplierFollowers = 10_000
    /// Positive mentions (more than negative ones) that make a fan.
    public var fanPositive = 2
    /// Negative mentions (more than positive ones) that make a critic.
    public var criticNegative = 2
    /// Hosts of employer-review portals: every review there is by an employee or former employee.
    public var employeeReviewSites = [
        "glassdoor.com", "glassdoor.de", "kununu.com", "indeed.com", "comparably.com", "teamblind.com",
    ]
    /// Handles of the brand's own accounts (never contacts), besides the brand terms that look like handles.
    public var ownAccounts: [String] = []

    public init() {}

    public init(team: TeamConfig?) {
        self.init()
        guard case .object(let o)? = team?.extra["contacts"] else { return }
        if let v = o["multiplier_followers"]?.intValue { multiplierFollowers = v }
        if let v = o["fan_positive"]?.intValue { fanPositive = v }
        if let v = o["critic_negative"]?.intValue { criticNegative = v }
        if case .array(let a)? = o["employee_review_sites"] {
            employeeReviewSites = a.compactMap(\.stringValue).map { $0.lowercased() }
        }
        if case .array(let a)? = o["own_accounts"] { ownAccounts = a.compactMap(\.stringValue) }
    }
}
