/// One token of a text, pointing into the normalised scratch buffer.
struct Token {
    enum Kind: UInt8 { case word, hashtag, punct, emoji, mention, url, number }
    var hash: UInt64 = 0
    var start: Int32 = 0
    var len: Int32 = 0
    var kind: Kind = .word
    var flags: UInt8 = 0
    /// Emoji: its code point. Punctuation: exclamation marks in the run.
    var extra: UInt32 = 0

    static let caps: UInt8 = 1, elongated: UInt8 = 2, umlaut: UInt8 = 4, boundary: UInt8 = 8
    static let question: UInt8 = 16, ellipsis: UInt8 = 32, repeatedLetters: UInt8 = 64

    @inline(__always) func has(_ f: UInt8) -> Bool { flags & f != 0 }
}
