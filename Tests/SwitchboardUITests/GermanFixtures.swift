import Foundation
import ScreenKit
import SwitchboardCore

@testable import SwitchboardUI

/// A German brand's day for the screens in German: German authors, texts, a German playbook.
enum GermanFixtures {
    static let playbook = Playbook(
        id: "ausfall", name: "Störung", triggers: .init(negativeSpike: true, keywords: ["störung"]),
        severityLevels: ["gering", "schwer"],
        steps: [
            .init(
                id: "pruefen", title: "Störung mit der IT bestätigen", owner: "lead", due: "10m", kind: .action,
                detail: "Fragen, was betroffen ist."),
            .init(
                id: "stellung", title: "Stellungnahme veröffentlichen", owner: "manager", due: "15m",
                kind: .holdingStatement, statement: "ausfall-de"),
        ],
        holdingStatements: [
            .init(id: "ausfall-de", lang: "de", text: "Wir wissen von der Störung und arbeiten daran.")
        ],
        escalation: [.init(role: "it", name: "IT-Bereitschaft", reach: "+49 30 555 0100")],
        placeholders: [:])

    static func team() -> TeamConfig {
        var masto = SourceConfig(id: "masto", type: "mastodon")
        masto.instance = "https://social.example"
        return TeamConfig(
            brand: .init(name: "Nordlicht Energie", terms: ["nordlicht"]), sources: [masto],
            team: [.init(user: "anja", name: "Anja Köhler", role: "lead")], timezone: "UTC")
    }

    static func mentions() -> [Mention] {
        [
            mention(
                "d1", "Seit heute früh keine Rückerstattung, Nordlicht antwortet nicht", author: "lena@social.example",
                minutesAgo: 5, sentiment: .negative, intents: [.complaint, .question], followers: 1200),
            mention(
                "d2", "Großartiger Service, danke Nordlicht!", author: "jonas@social.example", minutesAgo: 40,
                sentiment: .positive, intents: [.praise], followers: 80),
            mention(
                "d3", "Wann kommt der neue Tarif?", author: "kai.bsky.social", minutesAgo: 200, platform: "bluesky",
                sentiment: .neutral, intents: [.question], followers: 15),
        ]
    }

    static func app(size: Size) throws -> TestApp {
        try TestApp(
            mentions(), size: size, team: team(), files: ["playbooks/ausfall.json": CrisisFixtures.json(playbook)],
            user: "anja")
    }

    /// What only the network knows of d1's conversation: an answer and an answer to that.
    static let threadPosts: [Mention] = [
        mention(
            "n1", "Bei mir auch, schon seit Tagen – äußerst ärgerlich", author: "jörg@social.example",
            minutesAgo: 4, inReplyTo: "d1"),
        mention("n2", "Habt ihr die Störung gemeldet?", author: "maren@social.example", minutesAgo: 3, inReplyTo: "n1"),
    ]

    /// The workbench with the conversation of the highlighted mention fetched from a (fake) network.
    static func withThread(_ app: TestApp) {
        app.runner.threadFetcherFor = { _ in FakeThreadFetcher(threadPosts) }
    }

    /// The workbench with a brands.json: this brand and one whose directory is missing.
    static func withBrands(_ app: TestApp) throws {
        let list =
            #"{"brands": [{"name": "Nordlicht Energie", "dir": "\#(app.root.path)"}, "#
            + #"{"name": "Südwind Bäckerei", "dir": "/nonexistent/südwind"}]}"#
        try FileIO.writeDocument(try JSONEncoder().encode(team()), to: app.dir.teamFile)
        let file = app.root.appendingPathComponent("brands.json")
        try Data(list.utf8).write(to: file)
        app.runner.brandsFile = file
    }

    /// The words German screens may show beyond the catalogue: the fixtures' own text, names and key names.
    static var contentWords: Set<String> {
        let texts =
            (mentions() + threadPosts).map { $0.text + " " + ($0.author?.handle ?? "") } + [
                "Südwind Bäckerei nonexistent südwind",
                CrisisFixtures.json(playbook), "Nordlicht Energie Anja Köhler anja social example bsky UTC sb",
            ]
        return Set(texts.flatMap(GermanScreenTests.words))
    }
}
