import Foundation

/// The team's mute list (`team.json` `mute`): authors (with or without @, case-insensitive, whole handle) and
/// terms (case-insensitive substrings of the text) whose mentions are hidden: in the workbench's feed and in queries.
public struct MuteList: Sendable, Equatable {
    public var authors: Set<String>
    public var terms: [String]

    public init(_ m: TeamConfig.Mute?) {
        authors = Set(
            (m?.authors ?? []).map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@")) })
        terms = (m?.terms ?? []).filter { !$0.isEmpty }
    }

    /// Private messages are hidden too: the user's role may not read them (team.json `private_messages`).
    public var hidePrivate = false

    /// The team's mute list, hiding private messages from `user` unless the team lets them read them.
    public init(team: TeamConfig?, user: String) {
        self.init(team?.mute)
        hidePrivate = !(team?.mayReadPrivate(user) ?? true)
    }

    /// No author or term muted (private messages may still be hidden: see `hidesNothing`).
    public var isEmpty: Bool { authors.isEmpty && terms.isEmpty }
    /// Nothing at all is hidden.
    public var hidesNothing: Bool { isEmpty && !hidePrivate }

    public func hides(_ m: Mention) -> Bool {
        (hidePrivate && m.isPrivate) || hides(author: m.author?.handle, text: m.text)
    }

    /// The rule itself, for callers that keep their own copy of the handle and text (the workbench's feed rows).
    public func hides(author: String?, text: String) -> Bool {
        if isEmpty { return false }
        if let h = author, !authors.isEmpty,
            authors.contains(h.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@")))
        {
            return true
        }
        for t in terms where text.range(of: t, options: .caseInsensitive) != nil { return true }
        return false
    }
}
