import Foundation
import XCTest

@testable import SwitchboardCore

final class QueryTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func m(
        _ id: String, _ text: String, platform: String = "mastodon", handle: String = "anna@social.example",
        name: String? = "Anna Berg",
        lang: String? = "en", intents: [Intent] = [], sentiment: Sentiment = .neutral, ago: TimeInterval = 600,
        source: String? = nil,
        title: String? = nil
    ) -> Mention {
        Mention(
            platform: platform, id: id, text: text, createdAt: now.addingTimeInterval(-ago),
            author: Author(handle: handle, name: name),
            lang: lang, source: source, title: title,
            analysis: Analysis(lang: lang ?? "en", sentiment: sentiment, score: 0, intents: intents))
    }

    func q(_ s: String) throws -> Query { try Query.parse(s) }
    func yes(
        _ s: String, _ x: Mention, _ st: MentionState = MentionState(), me: String = "anna",
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertTrue(try q(s).matches(mention: x, state: st, now: now, me: me), s, file: file, line: line)
    }
    func no(
        _ s: String, _ x: Mention, _ st: MentionState = MentionState(), me: String = "anna",
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertFalse(try q(s).matches(mention: x, state: st, now: now, me: me), s, file: file, line: line)
    }

    func testTheIssueExampleAndEachField() throws {
        let x = m(
            "1", "Wie exportiere ich meine Rechnung? Das ist ärgerlich", handle: "anna@social.example", lang: "de",
            intents: [.question, .complaint], sentiment: .negative, ago: 3600, source: "masto")
        var st = MentionState()
        st.status = .open
        st.assignee = "anna"
        st.tags = ["billing"]
        try yes(
            #"is:question is:negative status:open net:mastodon from:@anna assignee:me lang:de tag:billing age:<2h "meine rechnung" -spam"#,
            x, st)
        try no(
            #"is:question is:negative status:open net:mastodon from:@anna assignee:me lang:de tag:billing age:<30m"#, x,
            st)
        try yes("from:ann from:ANNA@social", x)
        try no("from:bob", x)
        try yes("net:m platform:mastodon network:masto", x)
        try no("net:bluesky", x)
        try yes("assignee:anna", x, st)
        try no("assignee:me", x, st, me: "ben")
        try yes("assignee:none is:unassigned", x)
        try yes("is:mine is:assigned", x, st)
        try yes("lang:de", x)
        try no("lang:en", x)
        try yes("tag:#billing", x, st)
        try no("tag:bill", x, st)
        try yes("source:masto", x)
        try no("source:bsky", x)
        try yes("age:>30m age:<=2h since:2026-09-21", x)
        try no("age:>2h", x)
        try yes("is:complaint", x)
        try no("is:praise", x)
        try yes("status:new,open", x, st)
        try no("status:answered", x, st)
        try yes("is:open", x, st)
        try no("role:press", x)
    }

    func testWordsPhrasesCaseAndDiacritics() throws {
        let x = m("2", "Grüße aus Köln: the EXPORT button is gone", name: "Jürgen Über", title: "Forum thread")
        try yes("export", x)
        try yes("Export BUTTON", x)
        try yes("koln", x)
        try yes("KÖLN", x)
        try yes("uber", x)
        try yes("jürgen", x)
        try yes("forum", x)
        try yes(#""export button""#, x)
        try no(#""button export""#, x)
        try no("import", x)
        try yes("export -import", x)
        try no("export -button", x)
    }

    func testOrParenthesesAndNegation() throws {
        let a = m("3", "billing question", intents: [.question])
        let b = m("4", "love it", intents: [.praise], sentiment: .positive)
        let query = try q("(is:question OR is:praise) -love")
        XCTAssertTrue(query.matches(mention: a, state: MentionState(), now: now, me: "x"))
        XCTAssertFalse(query.matches(mention: b, state: MentionState(), now: now, me: "x"))
        try yes("is:complaint OR billing", a)
        try yes("is:praise | is:question", a)
        try yes("-(is:praise OR is:complaint)", a)
        try no("-(is:praise OR is:question)", a)
        try yes("is:help_request OR is:question", m("5", "x", intents: [.help]), MentionState())
        XCTAssertTrue(
            try q("is:question is:negative OR is:praise").matches(mention: b, state: MentionState(), now: now, me: "x"),
            "AND binds tighter than OR")
        XCTAssertTrue(try q("").isEmpty)
        try yes("", a)
    }

    func testOverdueUsesTheHookOrTheDefaultTarget() throws {
        let old = m("6", "help", ago: 7200)
        try yes("is:overdue", old)
        var answered = MentionState()
        answered.status = .answered
        try no("is:overdue", old, answered)
        let env = QueryEnvironment(me: "anna", now: now, overdue: { _, _, _ in false }, role: { _, r in r == "press" })
        let matcher = QueryMatcher(try q("is:overdue OR role:press"), environment: env)
        XCTAssertTrue(matcher.matches(old, MentionState()))
        matcher.set(try q("is:overdue"))
        XCTAssertFalse(matcher.matches(old, MentionState()))
    }

    func testErrorsPointAtThePosition() {
        func err(_ s: String) -> QueryError? {
            do {
                _ = try Query.parse(s)
                return nil
            } catch { return error }
        }
        XCTAssertEqual(err("is:new stauts:open")?.description, "unknown field 'stauts' at 7 — did you mean status?")
        XCTAssertEqual(
            err("is:negative role:fan,critc")?.description, "unknown role 'critc' at 21 — did you mean critic?")
        XCTAssertNil(err("role:vip,press,former_employee"), "aliases and vip are roles")
        XCTAssertEqual(err("is:new stauts:open")?.position, 7)
        XCTAssertEqual(err(#"is:new "exact phr"#)?.description, "unclosed quote at 7")
        XCTAssertEqual(err("is:new age:<")?.description, "expected a duration after age:< at 12")
        XCTAssertEqual(err("age:<2x")?.position, 5)
        XCTAssertEqual(
            err("is:questoin")?.description, "unknown value 'questoin' for is: at 3 — did you mean is:question?")
        XCTAssertEqual(err("status:new,opne")?.position, 11)
        XCTAssertEqual(err("status:")?.description, "expected a value after status: at 7")
        XCTAssertEqual(err("(is:new OR is:open")?.description, "unclosed parenthesis at 0")
        XCTAssertEqual(err("is:new)")?.description, "unexpected ')' at 6 — no '(' opens it")
        XCTAssertEqual(err("OR is:new")?.description, "expected a term before OR at 0")
        XCTAssertEqual(err("is:new OR")?.description, "expected a term after OR at 7")
        XCTAssertEqual(err("is:new - spam")?.description, "expected a term after - at 7")
        XCTAssertEqual(err("()")?.description, "empty parentheses at 0")
        XCTAssertEqual(err("since:yesterday")?.position, 6)
        XCTAssertNil(err("https://acme.example/x"), "a URL is a word, not a field")
        XCTAssertNil(err(#"from:"anna" "a b" -(x OR y)"#))
    }

    func testSinceAndUntilAreDaysInTheTeamsTimeZone() throws {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        // 2026-11-19 23:30 UTC is already the 20th in Berlin.
        let x = Mention(platform: "rss", id: "d", text: "t", createdAt: Timestamp.parse("2026-11-19T23:30:00Z")!)
        XCTAssertTrue(
            try Query.parse("since:2026-11-20", timeZone: berlin).matches(
                mention: x, state: MentionState(), now: now, me: "a"))
        XCTAssertFalse(
            try Query.parse("since:2026-11-20").matches(mention: x, state: MentionState(), now: now, me: "a"))
        XCTAssertTrue(try Query.parse("until:2026-11-19").matches(mention: x, state: MentionState(), now: now, me: "a"))
        XCTAssertFalse(
            try Query.parse("before:2026-11-19").matches(mention: x, state: MentionState(), now: now, me: "a"))
    }

    /// 100,000 generated mentions: the matcher's answers equal a plain Swift predicate written independently.
    func testHundredThousandMentionsAgreeWithAReferencePredicate() throws {
        var rng = SplitMix(seed: 42)
        let words = ["export", "invoice", "Rechnung", "Grüße", "login", "down", "love", "price", "Köln", "app"]
        let handles = ["anna@a.example", "ben.bsky.social", "carla@m.example", "anders@x.example"]
        var mentions: [Mention] = []
        var states: [String: MentionState] = [:]
        for i in 0..<100_000 {
            let text = (0..<6).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
            let intents = Intent.allCases.filter { _ in rng.next() % 5 == 0 }
            let x = m(
                "\(i)", text, platform: rng.next() % 2 == 0 ? "mastodon" : "bluesky",
                handle: handles[Int(rng.next() % 4)],
                lang: rng.next() % 3 == 0 ? "de" : "en", intents: intents,
                sentiment: Sentiment.allCases[Int(rng.next() % 3)],
                ago: Double(rng.next() % 20_000))
            mentions.append(x)
            var st = MentionState()
            st.status = MentionStatus.allCases[Int(rng.next() % 7)]
            st.assignee = rng.next() % 3 == 0 ? "anna" : nil
            states[x.key] = st
        }
        let cases: [(String, (Mention, MentionState) -> Bool)] = [
            (
                "is:question status:open",
                { m, s in
                    (m.analysis!.intents.contains(.question) || m.analysis!.intents.contains(.help))
                        && s.status == .open
                }
            ),
            (
                "koln -export net:mastodon",
                { m, _ in m.text.contains("Köln") && !m.text.contains("export") && m.platform == "mastodon" }
            ),
            (
                "from:an (is:negative OR lang:de) age:<1h",
                { m, _ in
                    m.author!.handle.hasPrefix("an") && (m.analysis!.sentiment == .negative || m.lang == "de")
                        && self.now.timeIntervalSince(m.createdAt) < 3600
                }
            ),
            (
                #""invoice rechnung" assignee:me"#,
                { m, s in m.text.lowercased().contains("invoice rechnung") && s.assignee == "anna" }
            ),
            (
                "is:open -is:spam grusse",
                { m, s in
                    s.status.isOpen && !m.analysis!.intents.contains(.spam) && s.status != .spam
                        && m.text.contains("Grüße")
                }
            ),
        ]
        let matcher = QueryMatcher(.all, environment: QueryEnvironment(me: "anna", now: now))
        let fast = QueryMatcher(.all, environment: QueryEnvironment(me: "anna", now: now))
        fast.setStates(states)
        for (text, ref) in cases {
            matcher.set(try q(text))
            fast.set(try q(text))
            let got = matcher.filter(mentions, states: states)
            let want = mentions.indices.filter { ref(mentions[$0], states[mentions[$0].key]!) }
            XCTAssertEqual(got, want, text)
            XCTAssertEqual(fast.filter(mentions), want, "cached states: \(text)")
            XCTAssertGreaterThan(want.count, 100, "the case selects a real subset: \(text)")
            XCTAssertLessThan(want.count, 90_000, text)
        }
        // A state change reaches the cached columns through updateStates.
        fast.set(try q("assignee:me"))
        let before = fast.filter(mentions).count
        let k = mentions.first { states[$0.key]!.assignee == nil }!.key
        var st = states[k]!
        st.assignee = "anna"
        fast.updateStates([k: st])
        XCTAssertEqual(fast.filter(mentions).count, before + 1)
        // New mentions appended to the array are picked up.
        let extra = m("new", "export", intents: [.question])
        XCTAssertEqual(fast.filter(mentions + [extra]).count, before + 1, "a new mention without state is unassigned")
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

final class QueryTextTests: XCTestCase {
    func fold(_ s: String) -> String { String(decoding: QueryText.fold(s), as: UTF8.self) }
    func testFolding() {
        XCTAssertEqual(fold("Grüße aus KÖLN"), "grusse aus koln")
        XCTAssertEqual(fold("Ærø Łódź Œuvre ſ"), "aero lodz oeuvre s")
        XCTAssertEqual(fold("Cafe\u{301}"), "cafe", "decomposed accents dropped")
        XCTAssertEqual(fold("ПРИВЕТ 👋🏽"), "привет 👋🏽")
        XCTAssertTrue(QueryText.contains(QueryText.fold("xx ab abc"), QueryText.fold("ABC")))
        XCTAssertFalse(QueryText.contains(QueryText.fold("ab"), QueryText.fold("abc")))
    }
}
