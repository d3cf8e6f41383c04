import Foundation

extension DemoNetwork {
    /// Words that make a demo text German (its data is fixed: a handful of short posts in English or German).
    static let germanWords: Set<String> = [
        "der", "die", "das", "und", "ist", "ich", "nicht", "auch", "für", "wir", "mit", "bei", "uns", "ihr", "seit",
        "dem", "den", "ein", "eine", "hat", "noch", "schon", "wer", "warum", "danke", "endlich", "heute", "hängt",
    ]

    /// Whether the German demo shows `text`: always outside it; inside it only German (an umlaut or ß, or a
    /// common German word).
    func speaks(_ text: String) -> Bool {
        guard accounts.onlyLanguage == "de" else { return true }
        if text.contains(where: { "äöüÄÖÜß".contains($0) }) { return true }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        return words.contains { DemoNetwork.germanWords.contains($0) }
    }

    /// Graph items others wrote (comments, tags, visitor posts) in the demo's language.
    func spoken(_ items: [[String: Any]]) -> [[String: Any]] {
        items.filter { i in
            guard let t = (i["text"] ?? i["message"] ?? i["caption"]) as? String else { return true }
            return speaks(t)
        }
    }
}
