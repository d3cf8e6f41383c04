/// Counts over the whole text that the language guess and the intents use.
struct TextStats {
    var exclamations = 0
    var questions = 0
    var urls = 0
    var mentions = 0
    var hashtags = 0
    var upperLetters = 0
    var lowerLetters = 0
    var umlauts = 0
    var otherLatin = 0
    var nonLatin = 0
}
