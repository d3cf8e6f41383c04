import Foundation
import XCTest

@testable import SwitchboardCore

final class TemplateTests: XCTestCase {
    let agent = TeamConfig.Member(user: "anna", name: "Anna Schmidt", role: "agent", signature: "^AS")

    func testPlaceholdersSignatureAndUnknowns() {
        let ctx = TemplateContext(
            author: Author(handle: "jo@social.example", name: "Jo Miller"), agent: agent, mentionKey: "7k2m9qxw3a")
        let r = TemplateRenderer.render(
            "Hi {{first_name}} ({{author}}), ticket {{ ticket }}. Order {{order}}? {{agent}}", ctx)
        XCTAssertEqual(r.text, "Hi Jo (@jo@social.example), ticket SB-7K2M9Q. Order {{order}}? ^AS")
        XCTAssertEqual(r.unknown, ["order"])
        // No name: the handle; no signature: the member's name.
        let plain = TemplateContext(
            author: Author(handle: "@bob.bsky.social"), agent: .init(user: "ben", name: "Ben", role: "agent"),
            mentionKey: "abc")
        XCTAssertEqual(
            TemplateRenderer.render("Hey {{first_name}}! {{agent}}", plain).text, "Hey @bob.bsky.social! Ben")
        XCTAssertEqual(TemplateRenderer.render("unclosed {{agent", plain).text, "unclosed {{agent")
        XCTAssertEqual(TemplateRenderer.withSignature("Thanks!", member: agent), "Thanks! ^AS")
        XCTAssertEqual(TemplateRenderer.withSignature("Thanks! ^AS", member: agent), "Thanks! ^AS", "not twice")
        XCTAssertEqual(
            TemplateRenderer.withSignature("Thanks!", member: .init(user: "b", name: "B", role: "agent")), "Thanks!")
    }

    func testLoadingAndFuzzySearch() throws {
        let dir = makeTempDir("sb-tpl")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        try FileIO.makeDirectory(dir.templatesDir)
        let enc = JSONEncoder()
        for t in StarterKit.templates + [
            ReplyTemplate(name: "refund-policy", description: "Explain refunds", text: "Refunds take 5 days."),
            ReplyTemplate(
                name: "outage-update", description: "Status during an outage",
                text: "We're on it: https://status.example"),
        ] {
            try FileIO.writeDocument(try enc.encode(t), to: dir.templatesDir.appendingPathComponent(t.name + ".json"))
        }
        try FileIO.writeDocument(
            Data("{\"v\":1,\n\"name\": \"broken\",\n\"text\": }".utf8),
            to: dir.templatesDir.appendingPathComponent("broken.json"))
        let lib = TemplateLibrary.load(dir)
        XCTAssertEqual(lib.templates.map(\.name), ["looking-into-it", "outage-update", "refund-policy", "thanks"])
        XCTAssertEqual(lib.problems.count, 1)
        XCTAssertTrue(lib.problems[0].hasPrefix("templates/broken.json: line 3, column"), lib.problems[0])
        XCTAssertEqual(lib.search("thnks").first?.name, "thanks")
        XCTAssertEqual(lib.search("lii").first?.name, "looking-into-it", "word starts count")
        XCTAssertEqual(lib.search("REFUND").first?.name, "refund-policy")
        XCTAssertEqual(lib.search("status").first?.name, "outage-update", "description and text are searched too")
        XCTAssertEqual(lib.search("zzq"), [])
        XCTAssertEqual(lib.search("").count, 4)
        XCTAssertEqual(lib.named("Thanks")?.name, "thanks")
        XCTAssertNil(FuzzyMatch.score("abc", in: "cba"))
        XCTAssertGreaterThan(FuzzyMatch.score("out", in: "outage")!, FuzzyMatch.score("out", in: "o-u-t")!)
    }

    func testPostLengthByNetwork() {
        XCTAssertEqual(
            PostLength.count(
                "Hi @anna@social.example, see https://example.com/a/very/long/path/that/goes/on/and/on", "mastodon"),
            "Hi @anna, see ".count + 23)
        XCTAssertEqual(PostLength.count("Grüße 👋🏽", "mastodon"), 8, "scalars: the skin tone modifier counts")
        XCTAssertEqual(PostLength.count("Grüße 👋🏽", "bluesky"), 7, "graphemes")
        XCTAssertEqual(PostLength.limit("mastodon"), 500)
        XCTAssertEqual(PostLength.limit("bluesky"), 300)
        XCTAssertNil(PostLength.limit("rss"))
        XCTAssertEqual(
            PostLength.count(
                String(repeating: "a", count: 480) + " https://x.example/" + String(repeating: "p", count: 100),
                "mastodon"), 504)
    }
}

final class ReplyCheckTests: XCTestCase {
    func mention(
        _ text: String, platform: String = "mastodon", intents: [Intent] = [], sentiment: Sentiment = .neutral,
        lang: String = "en"
    ) -> Mention {
        Mention(
            platform: platform, id: UUID().uuidString, text: text, createdAt: Date(),
            analysis: Analysis(lang: lang, sentiment: sentiment, score: 0, intents: intents))
    }
    func kinds(_ reply: String, _ m: Mention?) -> [ReplyWarning.Kind] {
        ReplyChecks.check(reply: reply, to: m).map(\.kind)
    }

    func testTooLongPerNetwork() {
        let m = mention("hello")
        let long = String(repeating: "word ", count: 101)
        XCTAssertEqual(kinds(long, m), [.tooLong])
        XCTAssertEqual(
            ReplyChecks.check(reply: long, to: m).first?.message,
            "505 characters (links count 23): Mastodon allows 500 — 5 too many")
        XCTAssertEqual(kinds(String(repeating: "ä", count: 301), mention("x", platform: "bluesky")), [.tooLong])
        XCTAssertEqual(kinds(String(repeating: "ä", count: 300), mention("x", platform: "bluesky")), [])
        XCTAssertEqual(
            kinds(String(repeating: "a", count: 900), mention("x", platform: "rss")), [], "no limit for feeds")
    }

    func testARedditCommentMayBeLongButNotOver10000Characters() {
        let reddit = mention("x", platform: "reddit")
        XCTAssertEqual(kinds(String(repeating: "ß", count: 10_000), reddit), [])
        XCTAssertEqual(
            ReplyChecks.check(reply: String(repeating: "ß", count: 10_003), to: reddit).map(\.message),
            ["10003 characters: Reddit allows 10000 — 3 too many"])
    }

    func testPlaceholders() {
        XCTAssertEqual(
            ReplyChecks.check(reply: "Hi {{first_name}}, order {{order}}", to: nil).map(\.message),
            ["unfilled placeholder {{first_name}}, {{order}}"])
    }

    func testSalesyInReplyToAComplaintEnglishAndGerman() {
        let en = mention("Your app lost my files, this is terrible", intents: [.complaint], sentiment: .negative)
        XCTAssertEqual(kinds("Sorry! Check out our new Pro plan with a discount.", en), [.salesyToComplaint])
        let de = mention(
            "Schon wieder ein Ausfall, echt ärgerlich", intents: [.complaint], sentiment: .negative, lang: "de")
        XCTAssertEqual(kinds("Tut uns leid! Unser Angebot: jetzt kaufen und sparen.", de), [.salesyToComplaint])
        XCTAssertEqual(kinds("Tut uns leid, wir schauen uns den Ausfall an.", de), [])
        let praise = mention("Love the new version", intents: [.praise], sentiment: .positive)
        XCTAssertEqual(kinds("Thanks! Check out our discount for fans", praise), [], "fine outside complaints")
    }

    func testAllCaps() {
        XCTAssertEqual(kinds("WE ARE LOOKING INTO IT NOW", nil), [.allCaps])
        XCTAssertEqual(kinds("WIR KÜMMERN UNS SOFORT DARUM", nil), [.allCaps])
        XCTAssertEqual(kinds("We are on it, @ACME_SUPPORT will follow up (ETA 2h)", nil), [])
        XCTAssertEqual(kinds("OK", nil), [], "too few letters to shout")
    }

    func testReplyThatDoesNotAddressTheQuestion() {
        let q = mention("How do I export my invoices as PDF?", intents: [.question])
        XCTAssertEqual(kinds("ok", q), [.unanswered])
        XCTAssertEqual(kinds("Thanks for reaching out, have a great day!", q), [.unanswered])
        XCTAssertEqual(kinds("Go to Settings → Billing and choose Export as PDF.", q), [])
        XCTAssertEqual(kinds("Here is the guide: https://help.example/billing", q), [], "a link answers")
        let de = mention("Wie kann ich meine Rechnungen exportieren?", intents: [.question], lang: "de")
        XCTAssertEqual(kinds("Danke, schönen Tag noch!", de), [.unanswered])
        XCTAssertEqual(kinds("Unter Einstellungen → Rechnungen findest du den Export.", de), [])
        XCTAssertEqual(kinds("ok", mention("Great job", intents: [.praise])), [], "not a question")
    }

    func testLinksWithoutHTTPS() {
        XCTAssertEqual(
            ReplyChecks.check(reply: "See http://status.example/now and https://ok.example.", to: nil).map(\.message),
            ["link without https: http://status.example/now"])
    }
}
