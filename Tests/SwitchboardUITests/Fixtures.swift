import Foundation
import ScreenKit
import SwitchboardCore

@testable import SwitchboardUI

/// The small feed most screen tests use.
enum Fixtures {
    static let three: [Mention] = [
        mention(
            "1", "Why is my order late again? Third time this month.", author: "anna", minutesAgo: 3,
            sentiment: .negative, intents: [.question, .complaint], followers: 1200),
        mention(
            "2", "Love the new release, great work!", author: "ben", minutesAgo: 125, platform: "bluesky",
            sentiment: .positive, intents: [.praise]),
        mention("3", "Blog post mentions the brand", author: "news", minutesAgo: 60 * 24 * 5, platform: "rss"),
    ]

    /// `count` plain mentions, one a minute apart, newest first is "m0".
    static func many(_ count: Int) -> [Mention] {
        (0..<count).map { mention("m\($0)", "mention number \($0)", author: "u\($0)", minutesAgo: Double($0) + 1) }
    }
}
