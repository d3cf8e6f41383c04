import Foundation
import SwitchboardCore

/// The `:filter` language for now: words (case-insensitive substrings of text or author, all must match),
/// `is:question|complaint|praise|negative|positive|neutral|new|open|overdue`, `status:X`, `net:X` (mastodon, m, …).
public struct FeedFilter: Sendable, Equatable {
    public var text: String
    var words: [String] = []
    var intents: IntentSet = []
    var sentiments: [Sentiment] = []
    var statuses: [MentionStatus] = []
    var openOnly = false
    var networks: [String] = []

    public init?(_ text: String) {
        self.text = text.trimmingCharacters(in: .whitespaces)
        if self.text.isEmpty { return nil }
        for tok in self.text.split(separator: " ") {
            let t = tok.lowercased()
            if t.hasPrefix("is:") {
                switch t.dropFirst(3) {
                case "question": intents.insert(.question)
                case "complaint": intents.insert(.complaint)
                case "praise": intents.insert(.praise)
                case "negative": sentiments.append(.negative)
                case "positive": sentiments.append(.positive)
                case "neutral": sentiments.append(.neutral)
                case "new": statuses.append(.new)
                case "open": openOnly = true
                default: words.append(t)
                }
            } else if t.hasPrefix("status:"), let s = MentionStatus(rawValue: String(t.dropFirst(7))) {
                statuses.append(s)
            } else if t.hasPrefix("net:") || t.hasPrefix("network:") {
                networks.append(String(t.split(separator: ":", maxSplits: 1)[1]))
            } else {
                words.append(t)
            }
        }
    }

    /// Whether the filter looks at mention states (then state changes re-run it).
    var dependsOnState: Bool { !statuses.isEmpty || openOnly }

    func matches(_ item: FeedItem, status: MentionStatus) -> Bool {
        if !intents.isEmpty, !item.intents.contains(intents) {
            // is:question also matches help requests.
            if !(intents == .question && item.intents.contains(.help)) { return false }
        }
        if !sentiments.isEmpty, !sentiments.contains(where: { $0 == item.sentiment }) { return false }
        if !statuses.isEmpty, !statuses.contains(status) { return false }
        if openOnly, !status.isOpen { return false }
        if !networks.isEmpty {
            let p = item.platform.lowercased()
            if !networks.contains(where: { $0 == p || $0 == item.networkMark.lowercased() }) { return false }
        }
        for w in words {
            if item.text.range(of: w, options: .caseInsensitive) == nil && item.author.range(of: w, options: .caseInsensitive) == nil { return false }
        }
        return true
    }
}

/// The team's mute list: authors (with or without @, case-insensitive) and terms (substrings) hidden from the feed.
struct MuteList: Sendable {
    var authors: Set<String>
    var terms: [String]
    init(_ m: TeamConfig.Mute?) {
        authors = Set((m?.authors ?? []).map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@")) })
        terms = (m?.terms ?? []).filter { !$0.isEmpty }
    }
    var isEmpty: Bool { authors.isEmpty && terms.isEmpty }
    func hides(_ item: FeedItem) -> Bool {
        if isEmpty { return false }
        if !authors.isEmpty, authors.contains(item.author.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@"))) { return true }
        for t in terms where item.text.range(of: t, options: .caseInsensitive) != nil { return true }
        return false
    }
}
