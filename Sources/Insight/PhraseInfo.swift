import Foundation

/// A two-word phrase: its score per language replaces the words' own.
struct PhraseInfo {
    var en: Float = 0
    var de: Float = 0
    var hasEN = false
    var hasDE = false
}
