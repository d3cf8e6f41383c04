import SwitchboardCore
import XCTest

@testable import Insight

/// Questions the way people type them in a chat — no question mark, lower case, "weiß jemand ob …", "any way to …" —
/// and rhetorical questions, which ask nothing a team could answer. None of these sentences is in a training file
/// (`NamedMistakesTests.testNoTestSentenceIsInTheTrainingData` checks this file too).
final class QuestionPhrasingTests: XCTestCase {
    let a = Analyzer()

    func check(_ texts: [String], question: Bool, file: StaticString = #filePath, line: UInt = #line) {
        var wrong: [String] = []
        for t in texts where a.analyze(t).intents.contains(.question) != question {
            wrong.append("\(t) → \(a.analyze(t).intents.map(\.rawValue))")
        }
        XCTAssertEqual(wrong, [], file: file, line: line)
    }

    func testChatStyleQuestionsWithoutAMarkAreQuestions() {
        check(
            [
                "any way to export my data", "is there a way to change my username",
                "how do i get a copy of my invoice",
                "does the student discount apply to the annual plan", "can i use the voucher online too",
                "what time does the Leipzig store close tonight", "Quick question: do you deliver on Sundays.",
                "where do I find my customer number", "anybody know if the app works on older iPads",
                "wie kann ich meine E-Mail-Adresse ändern", "weiß jemand ob der Laden am Samstag länger auf hat",
                "gibts den Gutschein auch für Neukunden", "kann man die Lieferung irgendwie umleiten",
                "wo finde ich meine Rechnung in der App", "hat jemand Erfahrung mit dem Familientarif",
                "Kurze Frage: nehmt ihr auch PayPal.", "wann macht die Filiale in Köln morgen auf",
                "muss ich das Paket selbst zur Post bringen", "Hallo, wie lange dauert eine Überweisung ins Ausland",
            ], question: true)
    }

    /// Session 17: a short chat line asks without any sign of a question when the learned layer says so
    /// (`Analyzer.chatLineWords`), and a rhetorical one needs no question mark to ask nothing.
    func testShortChatLinesAskWithoutAnySignAndRhetoricalOnesDoNot() {
        check(
            [
                "u coming to the match tonight", "weiß einer wann das update kommt",
                "anyone here tried the new ramen place", "kommst du morgen auch zum training",
            ], question: true)
        check(
            ["wer braucht schon drucker", "what a goal!!", "how i fixed my wifi: new router"], question: false)
    }

    /// Session 18: a longer chat line asks inside, without punctuation — a question word with do-support or before
    /// its verb, an auxiliary and a pronoun after "or"/"oder", a German line that ends in "oder" — and the same words
    /// in statements ask nothing ("was" as "etwas", an embedded question, "or" in a list).
    func testLongerChatLinesAskInsideWithoutPunctuation() {
        check(
            [
                "my phone keeps showing a red battery icon what does that mean",
                "akku hält nur noch zwei stunden oder bin ich zu anspruchsvoll",
                "app lädt ewig beim start, liegt das nur an mir oder", "das ist doch die gleiche nummer wie letzte woche oder",
                "lieferung kommt erst nächste woche, was soll ich solange tun", "handy startet nicht mehr, was soll ich tun",
            ], question: true)
        check(
            [
                "Ich kann damit leben, weil mir keiner was tun wird", "I know what it means when the router blinks orange",
                "the store was closed when we got there or so it seemed", "sie kommt heute später ins büro oder ist ein bisschen krank",
            ], question: false)
    }

    /// Session 18: a short line closed by a full stop states ("Is fine by me."), and "Morgen" before a verb is
    /// the day, not a greeting to pass over before a verb-first question; after "guten" or alone it greets.
    func testShortLinesWithAFullStopAndTheDayAreNoQuestions() {
        check(
            [
                "Is fine by me.", "Can confirm the app works now.",
                "Morgen wird die Brücke an der Mühle gesperrt.",
            ], question: false)
        check(["Guten Morgen kann mir jemand mit dem Tarif helfen", "Morgen! Ist der Laden heute offen"], question: true)
    }

    /// Session 18: a tag question after a comma asks for confirmation, whatever the learned score ("…, ne", "…, gell",
    /// "…, right"); a state's abbreviation or "right" as a direction asks nothing.
    func testTagQuestionsAsk() {
        check(
            [
                "the match starts at 6, right", "das training fällt heute aus, ne", "die halle ist am samstag zu, gell?",
                "ihr kommt doch auch zum grillen, oder 😅",
            ], question: true)
        check(["Yoga course this Saturday at the studio in Anacortes, WA", "Der Laden ist gleich da vorne rechts."], question: false)
    }

    func testRhetoricalQuestionsAreNotQuestions() {
        check(
            [
                "Wer braucht schon Support?", "Why do I even bother?", "Who even reads these messages?",
                "Could this day get any worse?", "Wie blöd kann man eigentlich sein?",
                "Warum überrascht mich das eigentlich noch?", "Wozu zahle ich eigentlich Gebühren?",
                "Who cares anyway?", "Wer hätte das gedacht?", "Who needs customer service anyway?",
            ], question: false)
    }

    /// Chat-style cues of issue 22's second pass: "anyone know", "I'd like to know if", "kennt jemand", "frage mich",
    /// and a verb first with an article after it ("Ist die Kantine …", "Does the router …").
    func testChatQuestionCuesAreQuestions() {
        check(
            [
                "anybody know whether the lounge is open before 6",
                "I'd like to know if the adapter fits a European plug.",
                "any tips for getting through to billing", "Kennt jemand eine gute Werkstatt in Ulm",
                "Ich wüsste gern, wann das Ersatzteil kommt.", "Frage mich gerade, ob der Gutschein verfällt.",
                "Ist die Kantine am Freitag geöffnet", "Does the router come with a cable",
                "Gilt der Rabatt auch für Geschenkkarten", "@Nordbahn fährt die S2 heute Nacht durch",
            ], question: true)
    }

    /// Exclamations and titles that open like a question, question marks inside quotes or in a link, a purchase told.
    func testExclamationsTitlesAndQuotedMarksAreNotQuestions() {
        check(
            [
                "What a morning!", "Was für ein Abend!", "Wie geil war das bitte!",
                "How we cut our energy bill in half",
                "Wie man im Winter Heizkosten spart", "He texted me \"are you coming?\" and I said no.",
                "Der Film heißt „Wohin gehst du?“ und läuft heute.", "Details: https://shop.example/item?colour=red",
                "Habe mir heute die graue Mütze bestellt.", "How many times do I have to send the same form?",
            ], question: false)
    }

    /// Session 19: an exclamation by an adjective of feeling ("how weird is that", "wie peinlich war das"), "was ein
    /// …", "wer auch immer …", "warum auch nicht" and "wen wundert's" ask nothing, with no mark; the measuring
    /// adjectives ask ("how long is…", "wie alt ist…"), and a later question mark of the writer's own still does.
    func testExclamationsOfFeelingAndWhateverAreNotQuestions() {
        check(
            [
                "how weird is that lmao", "wie peinlich war das bitte", "was ein tor, unglaublich",
                "wer auch immer den kuchen gebacken hat, danke", "warum auch nicht, ich komm mit",
                "wen wunderts bei dem wetter", "how rude was that guy", "wo auch immer du bist, meld dich mal",
                "how funny is that?! 😂",
            ], question: false)
        check(
            [
                "how long is the queue at the post office", "wie alt ist der kleine jetzt",
                "wie lange ist die warteschlange gerade", "Was ein Router ist, weiß ich. Aber welchen soll ich nehmen?",
            ], question: true)
    }

    /// Session 19: a line that asks inside for what the writer should do asks whatever the learned score says
    /// (`Scan.askedInside`); "was soll ich sagen" is a filler and "wie kann man nur …" an exclamation.
    func testAskingInsideForWhatToDoAsks() {
        check(
            [
                "der techniker kommt erst am freitag, was soll ich bis dahin machen",
                "headset mic dead since the update, what do i do",
                "seit dem update stürzt die app beim export ab, woran liegt das",
                "neue rechnung ist da, was bedeutet die position servicepauschale",
            ], question: true)
        check(
            ["und was soll ich sagen, es war super", "wie kann man nur so dumm sein"], question: false)
    }

    /// Session 19: a chat room's addressee first (letters, then digits: "U34", "dave77"; then a word, or ":" and a
    /// word) does not start the sentence; what follows it asks or states as it would alone.
    func testANickFirstDoesNotStartTheSentence() {
        check(["U34 what kind of music u like", "dave77: where u at", "U41 u still there"], question: true)
        check(["U19 im from texas", "U7 is back in the room", "U5 lol"], question: false)
    }

    /// Session 19: a chat log's speaker ("<kira_> ", "[09:12] <kira_> ") is not part of what they say; "<3" is no
    /// speaker.
    func testAChatLogsSpeakerIsNotPartOfTheLine() {
        func prefix(_ s: String) -> Int { Array(s.utf8).withUnsafeBufferPointer { Analyzer.chatLogPrefix($0) } }
        XCTAssertEqual(prefix("<kira_> is the build server down again"), 8)
        XCTAssertEqual(prefix("[09:12] <kira_> is the build server down again"), 16)
        XCTAssertEqual(prefix("<3 love this"), 0)
        XCTAssertEqual(prefix("[12:00] nothing here"), 0)
        XCTAssertEqual(prefix("<kira_>"), 0)
        XCTAssertEqual(prefix("a <b> c"), 0)
        check(["[09:12] <kira_> is the build server down again"], question: true)
        check(["<kira_> restarted it, all green now"], question: false)
    }

    /// Session 19: English chat drops the auxiliary — "you"/"u" and a verb in -ing ask by their order alone; not the
    /// accusation "you making me …".
    func testYouDoingAsksInChat() {
        check(["you bringing the speaker to the barbecue", "u guys watching the derby later"], question: true)
        check(["you making me hungry with those pics"], question: false)
    }

    /// Session 19: a German verb first and then its subject asks — "-st du", "-t ihr", "-t (noch) wer" — not a
    /// preposition or adverb that ends so.
    func testGermanVerbFirstWithItsSubjectAsks() {
        check(
            [
                "trinkst du zum frühstück lieber tee oder kaffee", "zahlt ihr den ausflug bar oder per überweisung",
                "nimmt morgen wer die leergutkisten mit",
            ], question: true)
        // "zumindest" and "vielleicht" are longer than eight bytes: compared by their word keys since session 20.
        check(["selbst du hast das gesagt", "seit einer woche kein netz im ganzen haus", "zumindest ihr habt es gut"], question: false)
    }

    /// A German question word, a verb and then "ich" or "wir" ask without a mark (session 20: after more training data
    /// the learned score alone lost "Mein Zug fällt aus. Wie komme ich jetzt nach Hause"). An embedded clause, which
    /// puts its verb last, and the filler "was soll ich sagen" do not.
    func testGermanQuestionWordVerbAndIchAsks() {
        check(
            [
                // The first two were lost without the rule.
                "Der Bus ist weg. Wie komme ich jetzt zur Arbeit", "Das Ladekabel ist kaputt. Wo bestelle ich ein neues",
                "Paket kam beschädigt an, wie melde ich das", "wann holen wir die Kinder ab",
            ], question: true)
        check(
            ["Keine Ahnung, wie lange wir noch warten.", "was soll ich sagen, es war großartig", "Ich weiß, wie ich das mache."],
            question: false)
    }

    /// "hbu" and "wbu" ask back wherever they stand (session 20); a German w-word right before a personal pronoun opens
    /// a clause with its verb last and asks nothing without a mark, but asks with one.
    func testAskingBackAndGermanClausesWithTheVerbLast() {
        check(["nothing much wbu", "U5 chilling hbu", "hru U4", "was du heute noch vorhast?"], question: true)
        check(
            ["wann du kommst ist mir egal", "wo es die guten brötchen gibt weiß nur oma", "wo ich wohne regnet es seit tagen"],
            question: false)
    }

    /// Statements stay statements, also when they open with a question word.
    func testStatementsAreNotQuestions() {
        check(
            [
                "Wie immer super freundlich, danke!", "What a great day at the store.",
                "Habe die Rechnung gerade bezahlt.", "I just renewed my subscription.",
            ], question: false)
    }

    /// A forum or mail reply repeats the thread's title first ("Re: …?"): that question is the thread's. The reply
    /// asks only with a question of its own after the title. A question word that leads to a colon asks nothing.
    func testARepliesTitleAndAColonAfterAQuestionWordAskNothing() {
        check(
            [
                "Re: Winterreifen schon drauf? Bei mir seit letzter Woche, der erste Frost kam ja früh.",
                "AW: Wann öffnet der neue Markt? Laut Aushang am ersten Montag im Mai.",
                "RE: Anyone tried the new night bus? Took it twice, it was on time both nights.",
                "Re: Which plan for a family of four? We went with the shared one and it covers everything.",
                "Was mir am meisten geholfen hat: jeden Morgen zehn Minuten früher los.",
                "What worked for us: booking the tickets a month ahead.",
            ], question: false)
        check(
            [
                "Re: Winterreifen schon drauf? Noch nicht. Wisst ihr, bis wann die Werkstätten Termine haben?",
                "Re: Which plan for a family of four? Same question here, does the shared one include roaming?",
                "Wie geht es euch :)", "Wann fährt morgen der erste Bus nach Lindau?",
            ], question: true)
    }
}

