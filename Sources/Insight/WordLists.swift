/// Our own hand-written word lists (project licence): the rules' vocabulary for English and German.
/// Space-separated; words are normalised by the tokenizer when the model loads.
enum WordLists {
    // Negation
    static let negatorsEN =
        "not no never nothing nobody none neither nor cannot cant dont doesnt didnt isnt arent wasnt werent wont "
        + "wouldnt shouldnt couldnt havent hasnt hadnt aint without nowhere nope nah neednt mustnt"
    static let negatorsDE =
        "nicht kein keine keinen keinem keiner keines nie niemals nichts niemand ohne weder nirgends keinesfalls "
        + "keineswegs nimmer garnicht net ned"

    // Intensifiers (+) and dampeners (−): the fraction added to the next sentiment word.
    static let boostersEN: [(String, Float)] = [
        ("very", 0.3), ("really", 0.3), ("so", 0.25), ("extremely", 0.5), ("super", 0.3), ("totally", 0.3),
        ("absolutely", 0.4),
        ("completely", 0.3), ("incredibly", 0.4), ("highly", 0.3), ("most", 0.2), ("too", 0.2), ("damn", 0.3),
        ("fucking", 0.4),
        ("such", 0.2), ("truly", 0.3), ("utterly", 0.4), ("especially", 0.2), ("hella", 0.3), ("mega", 0.3),
        ("soo", 0.3),
        ("insanely", 0.4), ("seriously", 0.3), ("freaking", 0.3), ("fkn", 0.3), ("sooo", 0.4), ("pretty", 0.1),
        ("quite", 0.1),
        ("slightly", -0.4), ("somewhat", -0.3), ("kinda", -0.3), ("sorta", -0.3), ("bit", -0.3), ("little", -0.3),
        ("barely", -0.5), ("hardly", -0.5), ("partly", -0.3), ("rather", -0.2), ("fairly", -0.2), ("almost", -0.3),
        ("marginally", -0.4), ("occasionally", -0.3), ("less", -0.4),
    ]
    static let boostersDE: [(String, Float)] = [
        ("sehr", 0.3), ("echt", 0.3), ("wirklich", 0.3), ("total", 0.3), ("extrem", 0.5), ("absolut", 0.4),
        ("völlig", 0.4),
        ("voll", 0.3), ("richtig", 0.3), ("besonders", 0.3), ("so", 0.2), ("super", 0.3), ("mega", 0.4),
        ("unglaublich", 0.4),
        ("äußerst", 0.4), ("ziemlich", 0.15), ("zu", 0.15), ("komplett", 0.3), ("höchst", 0.3), ("enorm", 0.4),
        ("dermaßen", 0.4),
        ("sowas", 0.3), ("derart", 0.3), ("übelst", 0.4), ("tierisch", 0.3), ("verdammt", 0.4), ("zutiefst", 0.4),
        ("wahnsinnig", 0.4),
        ("etwas", -0.3), ("bisschen", -0.3), ("wenig", -0.3), ("kaum", -0.5), ("leicht", -0.3), ("eher", -0.2),
        ("halbwegs", -0.3),
        ("fast", -0.3), ("teilweise", -0.3), ("einigermaßen", -0.3), ("etwa", -0.2),
    ]

    // Contrast: the clause before counts half, the clause after one and a half.
    static let contrastEN = "but however nevertheless nonetheless"
    static let contrastDE = "aber jedoch trotzdem dennoch allerdings sondern"

    // Verbs and adjectives that are neutral alone but negative when negated ("not working", "geht nicht").
    static let expectPositiveEN =
        "log login signin sign access pay checkout download install update work works working worked function "
        + "functioning load loading loads arrived arrive respond responding responded reply replied help helped helps "
        + "answer answered fixed resolved solved refunded delivered sync syncing connect connecting open opens"
    static let expectPositiveDE =
        "anmelden einloggen zugreifen herunterladen installieren funktioniert funktionieren funktionierte geht ging "
        + "gehen klappt klappte klappen läuft lief laufen kommt kam angekommen erreichbar lädt laden reagiert "
        + "reagieren hilft geholfen antwortet geantwortet gemeldet gelöst behoben erstattet geliefert verbunden fährt "
        + "fuhr fahren möglich"

    // Language identification: frequent function words (ambiguous ones like "in", "so", "also", "man" left out).
    static let functionEN =
        "the a an and or is are was were be been being to of on at for with this that it its i im ive id you youre "
        + "your my me we our they their them he she his her have has had do does did just what why how when where who "
        + "which would can could should there here from by about if all get got out than then now today thanks thank "
        + "please going gonna one more very really like know need still again after before because any some am u ur "
        + "lol omg my wtf yes yeah guys anyone someone cant wont dont doesnt didnt isnt arent im youre thats whats"
    static let functionDE =
        "der die das und ist nicht ich du er sie es wir ihr ein eine einen einem einer mit von zu zum zur auf für "
        + "im den dem des auch noch schon nur wie was warum wieso weshalb wer wo wann kann können könnt hat haben "
        + "habe hab wird werden war sind bin bist mir mich dich dir uns euch sich aber oder wenn dass weil als bei "
        + "nach vor über unter aus heute jetzt mal doch ja nein kein keine bitte danke hallo leider sehr gibt geht "
        + "immer wieder seit mein meine dein sein hier gerade jemand weiß weiss viel mehr gut morgen nichts nix wegen "
        + "gestern schon euer eure ihnen unsere grüße gruß dank vielen liebe lieber"
    static let functionOther =
        "el la los las que y en por para con una muy pero del lo se mi te está gracias hola le les et est une des "
        + "pour pas je tu vous nous avec sur dans ce qui cest merci il che di non sono grazie ciao het een ik niet "
        + "dat zijn op voor met wat bedankt não um uma você obrigado bir ve bu çok ben için da"

    // Extra stopwords for trends (on top of the function words).
    static let stopwordsEN =
        "the and for are but not you all any can had her was one our out day get has him his how man new now old "
        + "see two way who boy did its let put say she too use that with have this will your from they know want been "
        + "good much some time very when come here just like long make many more only over such take than them well "
        + "were what into also back after most other which their there about would these could first because should "
        + "really still those while where being think great going today amp via rt"
    static let stopwordsDE =
        "und oder aber dass wenn weil als wie was wer wo der die das den dem des ein eine einen einem einer eines "
        + "ist sind war waren wird werden wurde wurden hat haben hatte hatten bin bist seid sein ihr ihre ihren ihrem "
        + "ihm ihn sie ich du er es wir uns euch mir mich dich dir sich auf aus bei mit nach seit von vor zu zum zur "
        + "über unter durch für gegen ohne um an am im in ins noch schon auch nur mal doch ja nein nicht kein keine "
        + "dann denn so sehr mehr viel alle alles heute jetzt hier dort da diese dieser dieses diesem diesen jede "
        + "jeder jedes man kann können muss müssen soll sollte will wollen gibt geht gehen immer wieder einfach "
        + "gerade wirklich eigentlich bitte danke"

    // Questions: words that open one, pronouns that follow an auxiliary, and cues anywhere.
    static let questionStartEN = "what why how when where who which whats hows whos wheres whens whys whose"
    static let auxiliaryEN =
        "can could would will do does did is are was were should have has any anyone anybody shall may might"
    static let pronounsEN = "you i we they anyone someone somebody anybody u it there this that he she ya yall your"
    static let questionStartDE =
        "wie was warum wieso weshalb wann wo wer welche welcher welches welchen woher wohin wozu womit weswegen"
    static let auxiliaryDE =
        "kann können könnt kannst gibt gab hat habt hast ist sind weiß weiss wisst muss müssen darf dürfen soll "
        + "sollte wird werdet würde würdet habe bin bekomme bekommt funktioniert geht klappt sollen sollten wollen "
        + "willst wollt brauchen brauchst braucht kommst kommt kommen seid bist hättest hättet könntest könntet "
        + "könnte wärst wäre findet fährt"
    static let pronounsDE =
        "ich du ihr sie man es jemand mir mich wir er das ihr euch einer irgendwer irgendjemand hier"
    static let questionCues = "wondering frage fragen anyone anybody irgendwer"
    static let greetings =
        "hi hey hello hallo moin servus liebe lieber hej hiya yo dear sehr geehrte geehrter guten tag morgen"
    /// Words that lead into a sentence without starting it, skipped like a greeting when the scan looks for a
    /// question opening (session 17): "und wer hat gewonnen", "ok so whats the prize", "no lmao when is it due",
    /// "aber warum geht das nicht".
    static let openingFillers =
        "und and so also but aber ok okay no nah lol lmao haha wait hmm naja achso ach oh ah btw jo ja yes yeah"
    /// Greetings, thanks and sign-offs (with the greetings above): never a trend, however often people are polite.
    static let courtesy =
        "guten gute good morning evening afternoon night abend nacht tag day hallo hello hi hey moin servus "
        + "thanks thank thx danke dank vielen merci cheers regards grüße grüsse gruesse gruß gruss lg vg mfg "
        + "bye tschüss tschuess ciao bis bald wishes schönen schoenen viele zusammen everyone"
    static let strongHelp = "help hilfe helfen helft assist assistance support"
    static let wantWords =
        "want wanna interested looking considering planning need thinking möchte möchten will würde würden "
        + "interessiert suche suchen brauche überlege plane"

    // Intent cue words (either language).
    static let complaintCues =
        "refund refunds cancel cancelled canceled cancelling broken worst terrible awful horrible useless scam "
        + "ripoff unacceptable ridiculous disappointed disappointing complaint complain complaining fail failed fails "
        + "failing sucks rubbish garbage delayed delay delays waiting overcharged charged never beschwerde beschweren "
        + "kündigen kündigung gekündigt enttäuscht enttäuschend frechheit unverschämt unverschämtheit ärgerlich "
        + "ärgere sauer verspätung verspätet verspätungen ausgefallen ausfall störung kaputt defekt mangelhaft "
        + "katastrophe katastrophal zumutung skandal schlimm schlecht schlechteste lächerlich nervt nervig warten "
        + "warte wartet erstattung reklamation reklamieren abzocke betrug mies stornieren storniert"
    static let praiseCues =
        "thanks thank thx ty love loved loving awesome amazing great excellent fantastic perfect brilliant best "
        + "wonderful appreciate appreciated kudos recommend helpful superb outstanding impressed danke dankeschön "
        + "vielen lob loben super toll klasse spitze großartig hervorragend perfekt genial prima wunderbar empfehlen "
        + "empfehlenswert begeistert bester beste freundlich freundliche zufrieden"
    static let helpCues =
        "help helping support assist assistance login log password account locked reset error issue issues problem "
        + "problems bug crash crashes crashing troubleshoot stuck fix hilfe helfen helft unterstützung anmelden "
        + "anmeldung einloggen login passwort konto zugang fehler fehlermeldung problem probleme gesperrt "
        + "zurücksetzen absturz stürzt"
    static let purchaseCues =
        "buy buying purchase purchasing price prices pricing cost costs order ordering preorder available "
        + "availability subscribe subscription upgrade plan plans quote shipping ship stock ordered bought booked "
        + "preordered kaufen kaufe gekauft bestellt vorbestellt gebucht geordert "
        + "bestellen bestellung bestelle preis preise kostet kosten verfügbar lieferbar abo abonnement tarif angebot "
        + "vorbestellen lieferung versand liefern"
    static let spamCues =
        "giveaway giveaways follow followers follower free win winner click promo promocode coupon discount crypto "
        + "bitcoin btc nft forex earn income investment invest casino bet betting viagra onlyfans dm subscribe "
        + "gewinnspiel gewinnen gewinne gratis kostenlos rabatt gutschein rabattcode klick klicke folgt folge "
        + "verdienen sale deal deals cashback airdrop"
    static let personalEN = "i me my mine im ive id you your youre u ur we us our ya yall"
    static let personalDE =
        "ich mir mich mein meine meinen meinem meiner du dir dich dein deine ihr euch euer eure wir uns unser unsere"
    static let pleaseWords = "please pls plz bitte"

    // Irony markers (hashtags or words).
    static let ironyWords = "irony ironie sarcasm sarkasmus sarcastic ironic not"

    // Irony cues: an opener early in a clause and a word of repetition later ("Great, another outage",
    // "super, schon wieder verspätet") when the text also says something negative; and fixed phrases.
    static let ironyOpeners =
        "great super toll klasse prima perfekt perfect wonderful wunderbar brilliant awesome lovely fantastic "
        + "fantastisch genial wow yay bravo nice cool glad love oh ah herzlichen großartig grossartig schön"
    static let ironyAgain = "another again wieder nochmal erneut always immer typical typisch"
    /// Rhetorical questions: particles that make a negative w-question rhetorical, and word pairs that always do.
    static let rhetoricParticles = "even anyway anyways schon eigentlich bloß bloss überhaupt"
    static let rhetoricPhrases = [
        "who needs", "who cares", "who knew", "any worse", "wer braucht", "wen interessiert", "wer hätte",
        "noch schlimmer", "überrascht mich", "wundert mich",
    ]
    static let ironyPhrases = [
        "for nothing", "für nichts", "für nix", "für gar", "na toll", "na super", "na klasse", "na prima",
        "na großartig", "na bravo", "wie immer", "wie üblich", "as always", "as usual", "yeah right", "ja klar",
        "läuft bei",
    ]
}
