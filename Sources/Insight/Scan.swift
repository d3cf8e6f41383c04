import Foundation
import SwitchboardCore

/// What one pass over a text found: the inputs of sentiment, intents and crisis terms.
struct Scan {
    var lang: Lang = .other
    var dense = SIMD16<Float>(repeating: 0)
    var tokPos: Float = 0
    var tokNeg: Float = 0
    var question = false
    var complaintCues = 0, praiseCues = 0, helpCues = 0, purchaseCues = 0, spamCues = 0
    var helpStart = false
    var please = false, strongHelp = false, want = false, negatedExpect = 0, irony = false
    var urls = 0, mentions = 0, hashtags = 0, brand = false
    var crisisFound: UInt64 = 0
    /// The learned layer: summed quantised feature weights (`LearnedTable`), and the rule cues it weighs.
    var learned = SIMD16<Int32>(repeating: 0), cues = SIMD16<Float>(repeating: 0)
    /// A question by its first words ("how do I", "kann ich"); irony by pattern ("great, another…"),
    /// phrase ("thanks for nothing", "na toll") or eye-roll emoji.
    var questionStart = false, ironyPattern = false, ironyPhrase = false, contrast = false
    /// Rhetorical questions: a sentence opened by a w-word, a rhetorical particle, a rhetorical word pair.
    var whStart = false, rhetoricParticle = false, rhetoricPhrase = false
    /// An exclamation or title opened like a question ("What a day!", "How I moved house"); question marks in
    /// quotes ("She asked \"can you help?\""), which are someone else's.
    var notAsked = false, quotedQuestions = 0
    /// Praise that is ironic beside a problem ("Klasse Service, seit einer Woche kein Netz"), unless one was solved.
    var ironyBesideAProblem = false, resolved = false
    /// Issue 22, sixth pass: the words of the text (the length the sentiment decision discounts), breaches of
    /// expectation ("schon wieder", a waiting time), a news verb ("meldet", "according to") and a "!".
    var words = 0, breach = 0, newsVerb = false, exclaimed = false, endsWithStop = false
    /// A line that ends in a tag question after a comma ("…, ne", "…, gell", "…, oder", "…, right", "…, innit"):
    /// it asks for confirmation (session 18).
    var tagQuestion = false
    /// A line without a question mark that asks inside for what the writer should do (session 19): a question
    /// phrase followed by "ich", "wir", "i", "we" ("lieferung kommt erst nächste woche, was soll ich solange tun",
    /// "mic not working in vc, what do i do"; `Analyzer.firstPersonAsks`), or a German w-word right before its verb
    /// ("…, woran liegt das", `WordLists.askingPhrases`), or an English chat line that drops its auxiliary ("u coming
    /// tonight", `Analyzer.youDoingAsks`), or a German one that puts its verb before its subject ("zahlt ihr bar",
    /// `Analyzer.germanVerbFirstAsks`). It asks whatever the learned score says.
    var askedInside = false
    /// Issue 22, seventh pass: the learned weights of the German clauses whose problem ended ("Streik beendet": a
    /// clause with a shifter, `WordInfo.shifter`, not negated and not asked); the sentiment decision reads them
    /// reversed (`Analyzer.learnedScores`), toward positive and negative. The rules' own negative words of such a
    /// clause are reversed in the scan.
    var shiftedPos: Float = 0, shiftedNeg: Float = 0
    /// Issue 22, session 10: the question marks of a reply's title ("Re: Wann Tomaten pflanzen? Bei uns …"), which
    /// are the thread's, not the writer's: they make no question (the learned cue still counts them).
    var subjectMarks = 0
    /// A question mark of the writer's own: not quoted, not a reply's title's, not after an exclamation.
    var ownMark = false
    /// A repeated letdown ("every time", "jedes Mal"; `WordLists.repeatedPhrases`), unless said in praise.
    var repeated = false
    /// Session 14: cues of self-promotion ("affiliate", "Gutscheincode", "affiliate link", "50% off", "link in bio",
    /// "DM for"; `WordInfo.promo`), which the spam rule counts beside `spamCues` (the learned layer does not see them).
    var promoCues = 0, promoKinds: UInt8 = 0

    /// Spam by the cue-word rule: two spam cues, or one with a URL and two hashtags, or a hashtag wall; or
    /// self-promotion — a promotion cue and a second cue of either kind, in a text that does not open as a
    /// question ("Is the 50% off promo code still valid?" asks; "Tired of outages? … affiliate link, 50% off" sells).
    var ruleSpam: Bool {
        spamCues >= 2 || (spamCues >= 1 && urls > 0 && hashtags >= 2) || hashtags >= 6
            || promoCues > 0 && promoCues + spamCues >= 2 && !questionStart
    }

    /// Irony by phrase, or by pattern or praise beside a problem (not beside a problem solved).
    func ironic(problem: Bool) -> Bool {
        ironyPhrase || (ironyPattern || ironyBesideAProblem && !resolved) && problem
    }

    /// A question that asks nothing to answer: "Wer braucht schon Support?", "Why do I even bother?" (a w-question
    /// with a rhetorical particle, said negatively), "Who needs …", "Could it get any worse?" — with a question mark
    /// or without one, as chat writes them ("wer braucht schon schlaf", "why do i even bother with windows").
    func rhetorical(negative: Bool) -> Bool {
        rhetoricPhrase || rhetoricParticle && whStart && negative
    }

    /// A short chat line that may ask without any sign of a question (`Analyzer.chatLineWords`): not an exclamation
    /// or a title ("How we cut our bill", `notAskedPhrases`), and not closed by a full stop ("Meeting moved to 3pm.":
    /// of our 1,069 short lines that end in one, 6 ask, each with a sign of its own, "Wüsste gern, ob …").
    var chatAsks: Bool { words <= Analyzer.chatLineWords && !notAsked && !exclaimed && !endsWithStop }
}

let urlKey: UInt64 = {
    var b = Array("<url>".utf8)
    return b.withUnsafeMutableBufferPointer { fnv($0.baseAddress!, $0.count) }
}()
let mentionKey: UInt64 = {
    var b = Array("<mention>".utf8)
    return b.withUnsafeMutableBufferPointer { fnv($0.baseAddress!, $0.count) }
}()
