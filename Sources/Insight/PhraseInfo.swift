import Foundation

/// A two-word phrase: its score per language replaces the words' own.
struct PhraseInfo {
    var en: Float = 0
    var de: Float = 0
    var hasEN = false
    var hasDE = false
    /// An ironic phrase ("for nothing", "na toll", "wie immer"): positive words around it count as negative.
    var irony = false
    /// A rhetorical question's words ("who needs", "wer braucht", "any worse"): no question to answer.
    var rhetoric = false
    /// Intent cues (`WordLists+Intent`): a question ("anyone know"), an exclamation or title at the start of a
    /// sentence ("what a", "how I"), a breach of expectation ("still no", "schon wieder"), irony beside a problem.
    var question = false, notAsked = false, complaint = false, ironyBesideAProblem = false
    /// A question inside a chat line without punctuation ("my router blinks orange what does that mean", "wlan weg wie
    /// geht das wieder"): a sign of one for the decision only (`Scan.question`), not a question start — the learned
    /// layer's cue was trained without it.
    var asksInside = false
    /// Such a phrase that asks by its word order alone (`WordLists.askingPhrases`, session 19).
    var asks = false
    /// A repeated letdown ("every time", "jedes Mal"): a breach of expectation for the complaint decision only (the
    /// learned layer's complaint cue does not count it: it was trained without it).
    var repeated = false
}
