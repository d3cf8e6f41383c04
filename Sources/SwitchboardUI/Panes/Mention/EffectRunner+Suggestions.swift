import Foundation
import SwitchboardCore

extension EffectRunner {
    /// The reply suggestions for a mention (`ReplySuggester` over the templates and the team's earlier answers),
    /// computed in the background: answered with `Message.suggestionsLoaded`.
    func loadSuggestions(_ key: String) -> [Message] {
        let (store, team) = (self.store, self.team)
        background.start {
            guard let m = store.mention(key) else { return [] }
            let own = OwnAccounts(team: team)
            let signatures = (team?.team ?? []).compactMap { $0.signature?.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            var answered: [ReplySuggester.Answered] = []
            for (k, st) in store.states() where k != key {
                // The first post of a reply (a thread's first part without its marker), sent through the network
                // or given by hand.
                guard let r = st.replies.first, let q = store.mention(k) else { continue }
                if let h = q.author?.handle, own.contains(handle: h) { continue }
                answered.append(
                    ReplySuggester.Answered(
                        key: k, question: (q.title.map { $0 + " " } ?? "") + q.text,
                        answer: EffectRunner.plainAnswer(r.text, signatures: signatures),
                        intents: q.analysis?.intents ?? [], at: r.at))
            }
            let suggester = ReplySuggester(templates: TemplateLibrary.load(store.dir).templates, answered: answered)
            let list = suggester.suggest(
                for: (m.title.map { $0 + " " } ?? "") + m.text, intents: m.analysis?.intents ?? [])
            return [.suggestionsLoaded(key: key, list)]
        }
        return []
    }

    /// An earlier reply as a suggestion: without a team member's signature or a thread marker at its end.
    static func plainAnswer(_ text: String, signatures: [String]) -> String {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let r = t.range(of: #" \d+/\d+$"#, options: .regularExpression) { t.removeSubrange(r) }
        for sig in signatures where t.hasSuffix(" " + sig) { t.removeLast(sig.count + 1) }
        return t
    }
}
