import Foundation

/// The team's mute list (`team.json` `mute`): authors (with or without @, case-insensitive, whole handle) and
/// terms (case-insensitive substrings of the text) whose mentions are hidden. Same rules as the workbench's feed
/// (SwitchboardUI's internal `MuteList` over feed items).
public struct MuteList: Sendable, Equatable {
    public var authors: Set<String>
    public var terms: [String]

    public init(_ m: TeamConfig.Mute?) {
        authors = Set((m?.authors ?? []).map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@")) })
        terms = (m?.terms ?? []).filter { !$0.isEmpty }
    }

    public var isEmpty: Bool { authors.isEmpty && terms.isEmpty }

    public func hides(_ m: Mention) -> Bool {
        if isEmpty { return false }
        if let h = m.author?.handle, !authors.isEmpty, authors.contains(h.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@"))) { return true }
        for t in terms where m.text.range(of: t, options: .caseInsensitive) != nil { return true }
        return false
    }
}
