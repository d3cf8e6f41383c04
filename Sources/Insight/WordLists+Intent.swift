/// Intent cues of issue 22's second pass: two-word phrases that mark chat-style questions, exclamations and titles,
/// breaches of expectation (complaints without a negative word), and irony that needs a problem beside it.
extension WordLists {
    /// Word pairs that ask, wherever they stand: "anyone know", "I wonder if", "weiß jemand", "frage mich".
    static let questionPhrases = [
        "any way", "anyone know", "anybody know", "anyone else", "anybody else", "someone know", "any idea",
        "any ideas",
        "any tips", "any update", "any news", "any word", "wonder if", "wonder whether", "wondering if",
        "wondering whether", "wondering how", "wondering what", "wondering when", "wondering why", "know if",
        "know whether", "curious if", "curious whether", "curious what", "sure whether", "sure how",
        "quick question", "real question", "question for", "kennt jemand", "kennt einer", "jemand ne",
        "jemand eine", "jemand erfahrung", "jemand ahnung", "frage mich", "frag mich",
        "wüsste gern", "wüsste gerne", "gern wissen", "gerne wissen", "würde interessieren", "kurze frage",
        "ne frage", "mal frage", "sagt mal", "weiss einer", "weiß einer", "weiß wer", "weiss wer", "mal fragen",
        "wollte fragen", "möchte fragen", "fragen ob", "ask if", "ask whether", "anyone tried", "anyone seen",
        "anyone using", "anyone got", "anyone had",
    ]
    /// Word pairs that ask inside a line as well as at its start (issue 22, session 18): a question word with
    /// do-support ("… what does that mean", "how do i stop it": an embedded question never takes it, "I know what
    /// it means"), a German question word before its finite verb ("… was soll ich tun", "… wie geht das":
    /// verb-second, where an embedded one puts the verb last, "weiß nicht, was ich tun soll"; not "was tun", "was
    /// macht", "was kann": "was" is also "etwas", "wenn er mir was tut"), and requests for suggestions. A sign of a
    /// question for the decision only (`PhraseInfo.asksInside`).
    static let questionInsidePhrases = [
        "how do", "how does", "how did", "what does", "what did", "what do", "where do", "where does", "where did",
        "why does", "why did", "when does", "when did", "which one", "any recs", "any recommendations",
        "any suggestions", "any advice", "any thoughts", "any fix", "any1 know", "any1 else", "anyone here",
        "was soll", "wie kann", "wie geht", "wie gehts", "wo finde",
        "wo kann", "wo gibts", "wo gibt", "wann kommt", "wer hat", "wer kann", "jemand tipps", "jmd tipps",
        "jemand ideen", "hat jemand", "hat jmd", "weiß jmd", "weiss jmd",
        // Session 19: a German w-word right before its verb opens a main clause (an embedded question puts the verb
        // last: "woran das liegt").
        "wo ist", "was heißt",
    ] + askingPhrases
    /// Of those, the ones that ask wherever they stand, whatever the learned score says (`Scan.askedInside`): a
    /// German w-word right before its verb, which only a main-clause question has ("…, woran liegt das"; not "wo ist
    /// das Problem" or "was heißt hier teuer", which are often rhetorical).
    static let askingPhrases = [
        "woran liegt", "woran liegts", "was kostet", "wann kann", "wann ist", "was bedeutet", "wieso geht", "warum geht",
    ]
    /// Verbs that ask when an article follows them at the start of a sentence (among the auxiliaries; first-person
    /// forms are left out: "Habe die Rechnung bezahlt" drops its subject, it does not ask), and the articles.
    static let verbFirst =
        "is are does do can could will would should ist sind hat gibt gibts kann können muss müssen darf dürfen "
        + "soll sollte wird werden funktioniert geht klappt gilt lässt lohnt fährt kommt bekommt"
    static let articles =
        "the a my your our his her their der die den dem des ein eine einen einem einer nen ne mein meine meinen "
        + "dein deine euer eure unser unsere diese dieser dieses diesen"
    /// Word pairs that open an exclamation or a title, not a question, when no question mark follows:
    /// "What a day!", "Wie geil ist das denn!", "How I moved my family to one plan", "Wie man Geld spart".
    static let notAskedPhrases = [
        "what a", "what an", "was für", "was fürn", "how cool", "how nice", "how lovely", "how sweet", "how awesome",
        "how amazing", "how beautiful", "how great", "wie geil", "wie schön", "wie cool", "wie toll", "wie krass",
        "wie süß", "wie genial", "wie herrlich", "how i", "how we", "why i", "why we", "what i", "what we",
        "wie ich", "wie wir", "wie man", "warum ich", "warum wir", "was man", "was wir",
        // Session 19: more exclamations by an adjective of feeling ("how weird is that", "wie niedlich is der
        // kleine"; not the measuring ones, "how long", "wie alt", which ask), "was ein …", and "wer auch immer".
        "how weird", "how funny", "how cute", "how crazy", "how sad", "how rude", "how dumb", "how stupid",
        "how embarrassing", "how random", "how wild", "how typical", "how fun", "how adorable", "how dare",
        "wie niedlich", "wie lustig", "wie peinlich", "wie traurig", "wie dumm", "wie blöd", "wie schräg",
        "wie witzig", "wie heftig", "wie lieb", "wie nett", "wie hübsch", "wie lecker", "wie schade", "wie typisch",
        "wie nervig", "wie dreist", "wie frech", "wie absurd", "was ein", "was eine", "wer auch", "was auch",
        "wie auch", "wo auch", "wann auch", "warum auch", "wieso auch",
        // Session 20: a German w-word right before a personal pronoun opens a clause that puts its verb last ("wo ich
        // herkomm sagt man semmel", "wann ich komme hängt vom zug ab"): of our lines without a mark that open so,
        // none asks.
        "wo ich", "wann ich", "was ich", "wieso ich", "weshalb ich", "wo wir", "wann wir", "wieso wir", "wie du",
        "was du", "wo du", "wann du", "warum du", "wieso du", "wie ihr", "was ihr", "wie er", "was er", "wie sie",
        "was sie", "wie es", "was es", "wo es", "warum es",
    ]
    /// Word pairs that state a breach of expectation: waiting, repetition, "still no", charged twice, nobody answers.
    static let complaintPhrases = [
        "still no", "still nothing", "still not", "still waiting", "still hasnt", "still havent", "still dont",
        "still doesnt", "still didnt", "still cant", "still wont", "still isnt", "still missing", "charged twice",
        "billed twice", "debited twice", "paid twice", "me twice", "charged double", "second time", "third time",
        "fourth time", "fifth time", "nobody answers", "nobody answered", "nobody replies", "nobody replied",
        "nobody responds", "nobody responded", "nobody gets", "nobody calls", "nobody called", "one answers",
        "no reply", "no replies", "no response", "no answer", "zero replies", "zero response", "on hold",
        "weeks later", "days later", "months later", "hours later", "wrong size", "wrong item", "wrong order",
        "wrong colour", "wrong color", "wrong one", "never arrived", "never came", "never received", "never showed",
        "again today", "down again", "late again", "noch kein", "noch keine", "noch keinen", "noch nicht",
        "noch nichts", "noch nix", "schon wieder", "wieder mal", "mal wieder", "zweiten mal", "dritten mal",
        "vierten mal", "fünften mal", "zum x", "doppelt abgebucht", "doppelt berechnet", "doppelt eingezogen",
        "doppelt belastet", "zweimal abgebucht", "zweimal berechnet", "zweimal eingezogen", "keiner meldet",
        "niemand meldet", "keiner antwortet", "niemand antwortet", "keiner ruft", "niemand ruft", "keiner reagiert",
        "niemand reagiert", "keine antwort", "keine rückmeldung", "keine reaktion", "null antwort",
        "null rückmeldung", "heute nichts", "heute nix", "heute kein", "heute keine", "falsche größe",
        "falsche farbe", "falschen artikel", "falsche artikel", "falsche ware", "nie angekommen", "nie geliefert",
        "nicht angekommen", "nicht geliefert", "price rise", "price increase", "price hike",
    ]
    /// Word pairs of a repeated letdown (session 10): in our training messages 26 of 29 lines with one are
    /// complaints. They make a text no report (`Scan.reportStyle`) but are no complaint cues, which the learned layer
    /// weighs.
    static let repeatedPhrases = ["every single", "every time", "jedes mal", "as usual"]
    /// Words that are complaint cues alone: waiting and repetition.
    static let complaintCuesMore =
        "warteschleife dauerbesetzt funkstille again twice vertröstet hingehalten preiserhöhung preiserhöhungen"
    /// Words that open a waiting time ("seit drei Wochen", "waiting 2 hours") and the units that close it.
    static let sinceWords = "seit since waiting waited warte warten wartet"
    static let durationUnits =
        "minutes mins hours hrs hour days weeks week months month minuten min stunden stunde std tagen tage wochen "
        + "woche monaten monate monat"
    /// Word pairs that are ironic only beside a problem: "toll gemacht, jetzt ist alles weg", "klasse Service,
    /// drei Tage ohne Heizung", "Glückwunsch zur dritten Preiserhöhung", "just what I needed, a flat tyre".
    static let ironyBesideAProblem = [
        "toll gemacht", "super gemacht", "klasse gemacht", "prima gemacht", "großartig gemacht",
        "glückwunsch zu", "glückwunsch zur", "glückwunsch zum",
        "herzlichen glückwunsch", "congrats on", "congratulations on", "klasse service", "toller service",
        "super service", "top service", "great service", "fantastic service", "excellent service",
        "amazing service", "brilliant service", "i needed", "ich gebraucht", "oh great", "oh brilliant",
        "oh wonderful", "oh perfect", "oh super", "oh toll", "perfect timing", "perfektes timing",
        "super idee", "tolle idee",
        "great idea", "dank auch", "läuft ja", "just what",
    ]
    /// A problem solved: praise beside it is sincere ("Klasse Service, kaputtes Display in einer Stunde repariert").
    static let resolvedWords =
        "fixed repaired sorted resolved solved replaced refunded behoben repariert gelöst erledigt erstattet ersetzt "
        + "getauscht ausgetauscht"
    /// German verbs that end a state (issue 22, seventh pass): the verb shifters of the Zurich German Polarity Lexicon
    /// ("beenden", "aufhören", "abflauen", "bewältigen") in their participle and finite forms, and verbs that end a
    /// problem ("behoben", "beseitigt", "abgewendet", "überstanden"). A problem in their clause reads as relief:
    /// "Der Streik ist beendet", "Störung behoben". Not "vorbei" ("leider vorbei"), not "aufgehoben" ("gut
    /// aufgehoben"), not "endet" ("endet im Chaos").
    static let shiftersDE =
        "beendet beendete beendeten beenden beendigt beendigte aufgehört abgeflaut abgeklungen bewältigt bewältigen "
        + "überstanden ausgestanden behoben beseitigt abgewendet abgeblasen"
    /// Words of news reports (issue 22, sixth pass): a text that has one and neither addresses anyone nor speaks
    /// for the writer ("Die Bahn meldet Ausfälle wegen des Streiks", "According to the operator, …") reports a
    /// problem, it does not complain about one (`Scan.reportStyle`).
    static let newsVerbs =
        "meldet meldete melden meldeten gemeldet berichtet berichtete berichten berichteten mitteilte mitgeteilt "
        + "teilte sagte sagten erklärte erklärten kündigte kündigten angekündigt bestätigte bestätigten bestätigt "
        + "laut zufolge angaben sprecher sprecherin pressemitteilung mitteilung informierte rechnet rechnen "
        + "reported reports reporting said announced announces confirmed according spokesperson spokesman "
        + "spokeswoman statement stated officials expects expected"
    /// More rhetorical questions: "How many times do I have to…", "Wie oft soll ich das noch…"; indignation (session
    /// 19: "wer parkt denn bitte so", "Geht's noch?": in our data every such line asks nothing).
    static let rhetoricPhrasesMore = [
        "many times", "oft soll", "oft muss", "oft noch", "wen wunderts", "wen wundert", "denn bitte", "gehts noch",
    ]
    /// Word pairs that are ironic wherever they stand: nobody loves waiting.
    static let ironyPhrasesMore = [
        "love waiting", "love queuing", "love queueing", "loving waiting", "liebe warten", "liebe warteschleifen",
    ]

    /// Self-promotion (session 14, `WordInfo.promo`): words that promote alone — affiliate and referral links,
    /// discount codes, sponsored posts (not the spam cue words, `spamCues`: "promo", "free", "Rabatt", "Rabattcode").
    static let promoWords =
        "affiliate affiliates affiliatelink affiliatelinks referral referrals reflink referrallink couponcode "
        + "couponcodes discountcode discountcodes promocodes sponsored gesponsert rabattcodes gutscheincode "
        + "gutscheincodes werbelink provisionslink partnerlink"
    /// Words after which a link word promotes once more ("affiliate link", "Affiliate-Link", "referral link"; "DM"
    /// before "for", "für": "DM for details"), and those link words. Not "promo code", "referral code": a customer
    /// writes "the promo code doesn't work".
    static let promoLeads = "affiliate referral dm"
    static let promoFollowers = "link links"
    /// Words that promote right after a "%": "50% off", "30 % Rabatt" (words the word table knows anyway: a word new
    /// to it would change how the German rules read it, e.g. a booster before "günstiger").
    static let percentOffWords = "off rabatt"
    /// "Link in bio", "link in my bio", "Link in der Bio", "Link in meiner Bio": the writer's own bio (not "your bio").
    static let linkWords = "link links"
    static let ownBioWords = "in my our der meiner unserer im"
}
