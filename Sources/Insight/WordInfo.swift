import Foundation

/// What the model knows about one normalised word.
struct WordInfo {
    var lexEN: Float = 0
    var lexDE: Float = 0
    /// Learned English weights toward positive and negative (neutral is the reference class).
    var wPos: Float = 0
    var wNeg: Float = 0
    var boostEN: Float = 0
    var boostDE: Float = 0
    var flags: UInt32 = 0
    /// A particle of rhetorical questions ("even", "anyway", "schon", "eigentlich"): see `Scan.rhetorical`.
    var rhetoric = false
    /// A German verb that ends a state ("beendet", "behoben", "überstanden": a shifter of the Zurich German Polarity
    /// Lexicon and its kin): a problem named in its clause reads as relief ("Streik beendet"), see `Scan.shiftedPos`, `shiftedNeg`.
    var shifter = false
    /// More cue bits: a word that opens a waiting time ("seit", "since", `sinceWord`) or closes one ("Wochen", `unit`);
    /// a verb that asks when an article follows it at the start ("Ist die Linie…", "Does the app…", `verbFirst`), and
    /// such an article (`article`); a first-person verb ("habe", `firstPerson`) that "mir" or "mich" (`reflexive`)
    /// after it makes a statement ("Habe mir die schwarze bestellt"); a problem solved ("fixed", "behoben",
    /// `resolved`); a verb or phrase word of news reports ("meldet", "according", `newsVerb`).
    var cues: UInt8 = 0
    static let sinceWord: UInt8 = 1, unit: UInt8 = 2, verbFirst: UInt8 = 4, article: UInt8 = 8
    static let firstPerson: UInt8 = 16, reflexive: UInt8 = 32, resolved: UInt8 = 64, newsVerb: UInt8 = 128
    /// The bits the scan acts on per word (`Analyzer.wordCues`).
    static let wordCues: UInt8 = sinceWord | unit | resolved | newsVerb
    /// Cues of self-promotion (session 14; `Analyzer.promoCues`, `WordLists.promoWords` …): the spam rule counts them
    /// beside the spam cue words, the learned layer does not see them (it was trained without them). A word that
    /// promotes alone ("affiliate", "Gutscheincode", `promoWord`); one after which a link word promotes
    /// ("Affiliate-Link", "referral link"; "DM for": `promoLead`, `promoFollow`); a word that promotes after "%"
    /// ("50% off", "30 % Rabatt", `percentOff`); "link" and "bio" of "link in bio", "Link in der Bio" (`linkWord`, `bioWord`), and
    /// the words that make the bio the writer's own ("in", "my", "der", `ownBio`: read back from "bio", never acted
    /// on alone). Fills the byte before `learned`, so the slot stays 64 bytes.
    var promo: UInt8 = 0
    static let promoWord: UInt8 = 1, promoLead: UInt8 = 2, promoFollow: UInt8 = 4, percentOff: UInt8 = 8
    static let linkWord: UInt8 = 16, bioWord: UInt8 = 32, ownBio: UInt8 = 64
    /// The promotion bits the scan acts on per word.
    static let promoActive: UInt8 = promoWord | promoLead | promoFollow | percentOff | linkWord | bioWord
    /// The word's own weights in the learned layer, quantised like `LearnedTable`'s (folded in at load, so a word
    /// costs one table probe, not two).
    var learned = SIMD16<Int8>(repeating: 0)

    static let negEN: UInt32 = 1 << 0, negDE: UInt32 = 1 << 1
    static let contrastEN: UInt32 = 1 << 2, contrastDE: UInt32 = 1 << 3
    static let fnEN: UInt32 = 1 << 4, fnDE: UInt32 = 1 << 5, fnOther: UInt32 = 1 << 6
    static let qStartEN: UInt32 = 1 << 7, qStartDE: UInt32 = 1 << 8
    static let auxEN: UInt32 = 1 << 9, auxDE: UInt32 = 1 << 10
    static let pronounEN: UInt32 = 1 << 11, pronounDE: UInt32 = 1 << 12
    static let expectPosEN: UInt32 = 1 << 13, expectPosDE: UInt32 = 1 << 14
    static let irony: UInt32 = 1 << 15
    static let complaint: UInt32 = 1 << 16, praise: UInt32 = 1 << 17, help: UInt32 = 1 << 18
    static let purchase: UInt32 = 1 << 19, spam: UInt32 = 1 << 20, please: UInt32 = 1 << 21,
        questionCue: UInt32 = 1 << 22
    static let hasLexEN: UInt32 = 1 << 23, hasLexDE: UInt32 = 1 << 24
    static let greeting: UInt32 = 1 << 25, strongHelp: UInt32 = 1 << 26, want: UInt32 = 1 << 27
    static let personalEN: UInt32 = 1 << 28, personalDE: UInt32 = 1 << 29
    /// Irony: a positive opener ("great", "super", "na") and a word of repetition ("another", "wieder").
    static let ironyOpener: UInt32 = 1 << 30, ironyAgain: UInt32 = 1 << 31
}
