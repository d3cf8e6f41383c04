import Foundation

/// What `switchboard init --lang de` writes: the same kit with German templates, playbooks and holding statements
/// (the playbooks' ids, step ids and kinds stay the same, so reports and scripts work in both languages).
extension StarterKit {
    /// The reply templates in `language`.
    public static func templates(_ language: Language) -> [ReplyTemplate] {
        language == .de ? germanTemplates : templates
    }

    /// The crisis playbooks in `language`.
    public static func playbooks(_ language: Language) -> [Playbook] {
        language == .de ? germanPlaybooks : playbooks
    }

    static let germanTemplates: [ReplyTemplate] = [
        ReplyTemplate(
            name: "danke",
            description: "Persönlich für nette Worte danken",
            text:
                "Vielen Dank, {{first_name}}! Solche Beiträge freuen uns sehr, wir geben das gern ans Team weiter. "
                + "{{agent}}",
            lang: "de"),
        ReplyTemplate(
            name: "wir-kuemmern-uns",
            description: "Ein Problem bestätigen und in einen privaten Kanal holen",
            text:
                "Hallo {{first_name}}, das tut uns leid. Wir schauen uns das gerade an. Magst du uns per "
                + "Direktnachricht die E-Mail-Adresse deines Kontos schicken, damit wir nachsehen können? "
                + "Ticket {{ticket}}. {{agent}}",
            lang: "de"),
    ]

    static let germanPlaybooks: [Playbook] = [
        Playbook(
            id: "service-outage", name: "Störung des Dienstes",
            description:
                "Der Dienst ist ausgefallen oder stark eingeschränkt, und Kundinnen und Kunden merken es öffentlich.",
            triggers: .init(
                negativeSpike: true,
                keywords: ["Ausfall", "Störung", "geht nicht", "down", "outage", "502", "not working"]),
            severityLevels: [
                "gering: eine Funktion eingeschränkt", "schwer: Kerndienst für einige ausgefallen",
                "kritisch: für alle ausgefallen",
            ],
            steps: [
                .init(
                    id: "confirm", title: "Störung mit der IT-Bereitschaft bestätigen, Zeitplan erfragen",
                    owner: "lead", due: "10m", kind: .action,
                    detail:
                        "Fragen, was betroffen ist, seit wann, und wann das nächste Update kommt. Keine Vermutungen öffentlich."
                ),
                .init(
                    id: "suspend", title: "Geplante Beiträge aussetzen", owner: "lead", due: "10m", kind: .decision,
                    detail: "Fröhliche geplante Beiträge wirken während einer Störung taktlos."),
                .init(
                    id: "holding", title: "Vorläufige Stellungnahme veröffentlichen", owner: "manager", due: "15m",
                    kind: .holdingStatement, statement: "outage-de"),
                .init(
                    id: "notify-it", title: "IT und Support sagen, wo die Leute die Störung melden", owner: "agent",
                    due: "20m", kind: .notify),
                .init(
                    id: "status-page", title: "Link zur Statusseite in Antworten anheften", owner: "agent", due: "30m",
                    kind: .action),
                .init(
                    id: "update", title: "Mindestens alle 60 Minuten ein Update posten", owner: "manager", due: "1h",
                    kind: .action),
                .init(
                    id: "all-clear", title: "Entwarnung: für die Geduld danken, Planung fortsetzen",
                    owner: "lead", due: "4h", kind: .decision),
            ],
            holdingStatements: [
                .init(
                    id: "outage-de", lang: "de",
                    text:
                        "Wir wissen, dass {{service}} gerade bei vielen von euch nicht richtig funktioniert. Unser "
                        + "Team arbeitet daran, das nächste Update gibt es hier bis {{next_update}}. Entschuldigt die "
                        + "Störung. Status: {{status_url}}"
                ),
                .init(
                    id: "outage-en", lang: "en",
                    text:
                        "We know {{service}} isn't working properly for many of you right now. Our engineers are on "
                        + "it, and we'll post an update here by {{next_update}}. Sorry for the disruption. Status: "
                        + "{{status_url}}"
                ),
            ],
            escalation: [
                .init(role: "it", name: "IT-Bereitschaft", reach: "Bereitschaftstelefon im Team-Wiki"),
                .init(role: "pr", name: "Leitung Kommunikation", reach: "mobil, dann Chat"),
                .init(role: "executive", name: "COO", reach: "nur über die Leitung Kommunikation"),
            ]),
        Playbook(
            id: "backlash", name: "Empörungswelle",
            description:
                "Ein Beitrag, eine Kampagne oder Entscheidung von uns löst eine Welle von Ärger aus (Ton, Werte, Preise).",
            triggers: .init(negativeSpike: true, keywords: ["Boykott", "boycott", "Schande", "kündige", "#boykott"]),
            severityLevels: [
                "begrenzt: unsere eigenen Antworten", "breitet sich aus: Multiplikatoren und Medien greifen es auf",
                "kritisch: große Nachrichtenmedien",
            ],
            steps: [
                .init(
                    id: "pause", title: "Planung anhalten, keine Vorlagen-Antworten mehr", owner: "lead", due: "10m",
                    kind: .decision),
                .init(
                    id: "understand",
                    title: "Die 20 meistgeteilten Beiträge lesen: worüber genau ärgern sich die Leute?",
                    owner: "manager", due: "20m", kind: .action),
                .init(
                    id: "notify-pr", title: "PR und Kampagnenverantwortliche informieren", owner: "lead", due: "30m",
                    kind: .notify),
                .init(
                    id: "decide",
                    title: "Entscheiden: entschuldigen, erklären oder korrigieren — und wer unterschreibt",
                    owner: "lead", due: "1h", kind: .decision),
                .init(
                    id: "holding", title: "Vorläufige Stellungnahme veröffentlichen", owner: "manager", due: "1h",
                    kind: .holdingStatement, statement: "backlash-de"),
                .init(
                    id: "respond", title: "Fragen einzeln beantworten, nie kopieren und einfügen", owner: "agent",
                    due: "2h", kind: .action),
            ],
            holdingStatements: [
                .init(
                    id: "backlash-de", lang: "de",
                    text:
                        "Wir lesen mit. Jede Rückmeldung zu {{topic}} kommt bei uns an, und bis {{next_update}} "
                        + "melden wir uns mit einer richtigen Antwort – keiner Floskel."
                ),
                .init(
                    id: "backlash-en", lang: "en",
                    text:
                        "We hear you. We're reading every reply about {{topic}}, and we'll come back with a proper "
                        + "answer by {{next_update}} — not a copy-paste one."
                ),
            ],
            escalation: [
                .init(role: "pr", name: "Leitung Kommunikation", reach: "mobil, dann Chat"),
                .init(role: "legal", name: "Rechtsabteilung", reach: "Postfach legal@, Notfallnummer"),
                .init(role: "executive", name: "Vorstandsbüro", reach: "nur über die Leitung Kommunikation"),
            ]),
        Playbook(
            id: "data-leak", name: "Datenleck",
            description: "Kundendaten könnten offengelegt worden sein. Frist: Meldung nach DSGVO binnen 72 Stunden.",
            triggers: .init(
                negativeSpike: true, keywords: ["Datenleck", "gehackt", "Datenpanne", "data leak", "breach", "hacked"]),
            severityLevels: ["Verdacht", "bestätigt, begrenzt", "bestätigt, umfassend"],
            steps: [
                .init(
                    id: "legal",
                    title: "Rechtsabteilung und Datenschutzbeauftragte vor jedem öffentlichen Wort einbinden",
                    owner: "lead", due: "15m", kind: .notify),
                .init(id: "suspend", title: "Geplante Beiträge aussetzen", owner: "lead", due: "15m", kind: .decision),
                .init(
                    id: "holding", title: "Nur die freigegebene vorläufige Stellungnahme veröffentlichen",
                    owner: "manager", due: "1h", kind: .holdingStatement, statement: "leak-de"),
                .init(
                    id: "no-details", title: "Keine Details in Antworten: auf die offizielle Stellungnahme verweisen",
                    owner: "agent", due: "1h", kind: .action),
                .init(
                    id: "faq", title: "Mit dem Support ein FAQ vorbereiten (was geschah, was tun, wen fragen)",
                    owner: "manager", due: "4h", kind: .action),
                .init(
                    id: "authority",
                    title: "Rechtsabteilung bestätigt die Meldung an die Behörde (Art. 33 DSGVO, 72 h)",
                    owner: "legal", due: "24h", kind: .decision),
            ],
            holdingStatements: [
                .init(
                    id: "leak-de", lang: "de",
                    text:
                        "Wir gehen Hinweisen auf einen Sicherheitsvorfall bei {{service}} nach und nehmen das sehr "
                        + "ernst. Gesicherte Informationen veröffentlichen wir unter {{statement_url}}, Betroffene "
                        + "informieren wir direkt."
                ),
                .init(
                    id: "leak-en", lang: "en",
                    text:
                        "We are investigating reports of a security incident affecting {{service}}. We take this "
                        + "extremely seriously. We'll share verified information at {{statement_url}} as soon as we "
                        + "have it and will contact affected customers directly."
                ),
            ],
            escalation: [
                .init(role: "legal", name: "Rechtsabteilung", reach: "Notfallnummer"),
                .init(role: "dpo", name: "Datenschutzbeauftragte", reach: "Postfach dpo@ und Telefon"),
                .init(role: "it", name: "CISO", reach: "Sicherheits-Bereitschaft"),
                .init(role: "executive", name: "Vorstand", reach: "über den CISO"),
            ]),
    ]
}
