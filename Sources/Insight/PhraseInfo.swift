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
}
