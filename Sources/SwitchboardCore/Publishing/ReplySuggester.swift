import Foundation

/// Offline retrieval of reply suggestions for a mention: the saved templates and the team's own earlier answers,
/// ranked by word overlap with the mention (BM25 over folded words: case, umlauts, ß and `ue`/`ü` spellings alike,
/// light German and English endings dropped) plus a bonus for an earlier mention with the same intent.
public struct ReplySuggester: Sendable {
    /// An earlier mention the team answered, and the answer.
    public struct Answered: Sendable {
        public var key: String, question: String, answer: String, intents: [Intent], at: Date
        public init(key: String, question: String, answer: String, intents: [Intent], at: Date) {
            (self.key, self.question, self.answer, self.intents, self.at) = (key, question, answer, intents, at)
        }
    }

    struct Doc: Sendable {
        var suggestion: ReplySuggestion
        var terms: [String: Int]
        var length: Int
        var intents: Set<Intent>
    }

    let docs: [Doc]
    let df: [String: Int]
    let averageLength: Double

    public init(templates: [ReplyTemplate], answered: [Answered]) {
        var docs: [Doc] = []
        for t in templates {
            let words = ReplySuggester.words(t.name + " " + (t.description ?? "") + " " + t.text)
            docs.append(
                Doc(
                    suggestion: ReplySuggestion(source: .template(name: t.name), text: t.text, score: 0),
                    terms: ReplySuggester.counts(words), length: words.count,
                    intents: Set(ReplySuggester.intents(ofTemplate: t))))
        }
        var seen = Set<String>()
        // Newest first, so of two mentions answered alike the newer answer stands for both.
        for a in answered.sorted(by: { $0.at > $1.at }) {
            let answer = ReplySuggester.withoutHandles(a.answer)
            guard !answer.isEmpty, seen.insert(answer.lowercased()).inserted else { continue }
            // The question counts twice: a mention like this one is what makes its answer fit.
            let q = ReplySuggester.words(a.question)
            let words = q + q + ReplySuggester.words(answer)
            docs.append(
                Doc(
                    suggestion: ReplySuggestion(source: .answer(key: a.key, at: a.at), text: answer, score: 0),
                    terms: ReplySuggester.counts(words), length: words.count, intents: Set(a.intents)))
        }
        var df: [String: Int] = [:]
        for d in docs { for t in d.terms.keys { df[t, default: 0] += 1 } }
        self.docs = docs
        self.df = df
        averageLength = docs.isEmpty ? 1 : max(1, Double(docs.map(\.length).reduce(0, +)) / Double(docs.count))
    }

    /// The best `limit` suggestions for a mention reading `text` with `intents`, best first; only those sharing a
    /// word with it or (answers) one of its intents.
    public func suggest(for text: String, intents: [Intent] = [], limit: Int = 3) -> [ReplySuggestion] {
        let query = Set(ReplySuggester.words(text))
        let want = Set(intents)
        let n = Double(docs.count)
        let (k1, b) = (1.2, 0.75)
        var out: [ReplySuggestion] = []
        for d in docs {
            var score = 0.0
            for t in query {
                guard let tf = d.terms[t].map(Double.init), let f = df[t] else { continue }
                let idf = log(1 + (n - Double(f) + 0.5) / (Double(f) + 0.5))
                score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(d.length) / averageLength))
            }
            if !want.isEmpty, !d.intents.isEmpty {
                score += 1.5 * Double(want.intersection(d.intents).count) / Double(want.count)
            }
            guard score > 0 else { continue }
            var s = d.suggestion
            s.score = score
            out.append(s)
        }
        return Array(out.sorted { $0.score > $1.score }.prefix(limit))
    }

    /// Words that carry meaning, folded: no stop words, nothing shorter than 3 letters.
    static func words(_ text: String) -> [String] {
        let folded = String(decoding: QueryText.fold(text), as: UTF8.self)
        return folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).compactMap { w in
            var s = String(w)
            guard s.count >= 3, !stopWords.contains(s) else { return nil }
            // `ue`/`oe`/`ae` as `ü`/`ö`/`ä` (already folded to u, o, a).
            for (a, b) in [("ue", "u"), ("oe", "o"), ("ae", "a")] { s = s.replacingOccurrences(of: a, with: b) }
            for suffix in ["ungen", "en", "er", "es", "ed", "ing", "e", "s", "n"] where s.count > suffix.count + 3 {
                if s.hasSuffix(suffix) {
                    s.removeLast(suffix.count)
                    break
                }
            }
            return s
        }
    }

    /// What a template answers, from its words: thanks answer praise; apologies and "looking into it" answer
    /// complaints; how-tos answer questions and help requests.
    static func intents(ofTemplate t: ReplyTemplate) -> [Intent] {
        let text = String(decoding: QueryText.fold(t.name + " " + (t.description ?? "") + " " + t.text), as: UTF8.self)
        var out: [Intent] = []
        func has(_ words: [String]) -> Bool { words.contains { text.contains($0) } }
        if has(["thank", "danke", "dank fur", "kind words", "lob"]) { out.append(.praise) }
        if has(["sorry", "trouble", "problem", "looking into", "entschuldig", "tut uns leid", "storung", "argerlich"]) {
            out.append(.complaint)
        }
        if has(["how to", "here is how", "so geht", "anleitung", "schritt", "step"]) {
            out += [.question, .help]
        }
        return out
    }

    static func counts(_ words: [String]) -> [String: Int] { words.reduce(into: [:]) { $0[$1, default: 0] += 1 } }

    /// An answer without the handles it started with (they named that mention's author).
    static func withoutHandles(_ s: String) -> String {
        var words = s.split(separator: " ", omittingEmptySubsequences: false)
        while let f = words.first, f.hasPrefix("@") || f.isEmpty { words.removeFirst() }
        return words.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let stopWords: Set<String> = [
        "the", "and", "for", "you", "your", "are", "was", "with", "this", "that", "have", "has", "not", "but", "can",
        "from", "our", "all", "any", "how", "what", "when", "where", "who", "why", "will", "just", "get", "got",
        "der", "die", "das", "und", "ist", "ich", "sie", "wir", "ihr", "ihre", "ihren", "ihnen", "mit", "fur", "auf",
        "den", "dem", "des", "ein", "eine", "einen", "einer", "nicht", "noch", "auch", "wie", "was", "wo", "wann",
        "bei", "von", "zum", "zur", "sich", "mein", "meine", "meinen", "dass", "aber", "oder", "hallo", "danke",
        "bitte",
        "hi", "hey", "thanks", "please", "uns", "euch", "hier", "schon", "sind", "hat", "habe", "haben",
    ]
}
