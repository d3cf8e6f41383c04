import Foundation
import SwitchboardCore

extension FuzzTarget {
    /// Core's query language (`Query.parse`, `QueryMatcher`): an error points inside the text (or just
    /// past it); a query that parses parses again to the same query; the caching matcher (as the
    /// workbench uses it) agrees with the uncached one (as `Query.matches`) on every sample mention.
    public static let query = FuzzTarget(
        name: "query", summary: "Core Query.parse + QueryMatcher: error positions, cached = uncached"
    ) { data in
        let text = Invariants.text(data.prefix(4096))
        let q: Query
        do { q = try Query.parse(text) } catch let error as QueryError {
            if error.position < 0 || error.position > text.count {
                throw FuzzViolation(
                    "error position \(error.position) outside 0...\(text.count): \(error) for \(text.debugDescription)")
            }
            return
        }
        let again: Query
        do { again = try Query.parse(q.text) } catch { throw FuzzViolation("parsed once, not twice: \(error)") }
        if again != q { throw FuzzViolation("parsing twice gives different queries for \(text.debugDescription)") }
        let (mentions, states) = QuerySamples.make(text)
        let env = QueryEnvironment(me: "anna", now: QuerySamples.now)
        let cached = QueryMatcher(q, environment: env, cacheText: true).filter(mentions, states: states)
        let uncached = mentions.indices.filter { i in
            q.matches(
                mention: mentions[i], state: states[mentions[i].key] ?? MentionState(), now: QuerySamples.now,
                me: "anna")
        }
        if cached != uncached {
            throw FuzzViolation(
                "cached matcher \(cached) and Query.matches \(uncached) disagree for \(text.debugDescription)")
        }
        let negated: Query
        do { negated = try Query.parse("-(" + text + ")") } catch { return }  // e.g. a dangling quote or parenthesis
        _ = QueryMatcher(negated, environment: env).filter(mentions, states: states)
    }
}

/// A small, varied set of mentions and states to match queries against; one mention's text is the
/// query itself, so phrase and word terms can match.
enum QuerySamples {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func make(_ text: String) -> ([Mention], [String: MentionState]) {
        var ms: [Mention] = []
        var a = Mention(
            platform: "mastodon", id: "https://social.example/@anna/1", text: "Why is my order late again? @acme",
            createdAt: now.addingTimeInterval(-600), fetchedAt: now, url: "https://social.example/@anna/1",
            author: Author(handle: "@anna@social.example", name: "Anna", followers: 1200), lang: "en", source: "m1")
        a.analysis = Analysis(lang: "en", sentiment: .negative, score: -0.6, intents: [.question, .complaint])
        ms.append(a)
        var b = Mention(
            platform: "bluesky", id: "at://did:plc:x/app.bsky.feed.post/2", text: "Ich liebe die neue Version! #acme",
            createdAt: now.addingTimeInterval(-7200), fetchedAt: now, author: Author(handle: "@ben.bsky.social"),
            lang: "de")
        b.analysis = Analysis(lang: "de", sentiment: .positive, score: 0.8, intents: [.praise], crisisTerms: ["outage"])
        ms.append(b)
        ms.append(
            Mention(
                platform: "rss", id: "https://news.example/a", text: "Blog post mentions ACME Cloud outage",
                createdAt: now.addingTimeInterval(-5 * 86400), fetchedAt: now, source: "news", title: "Outage"))
        ms.append(
            Mention(
                platform: "jsonl", id: "q", text: text, createdAt: now.addingTimeInterval(-30), fetchedAt: now,
                author: Author(handle: text), lang: "fr"))
        var states: [String: MentionState] = [:]
        var s0 = MentionState()
        s0.status = .open
        s0.assignee = "anna"
        s0.tags = ["billing"]
        states[ms[0].key] = s0
        var s1 = MentionState()
        s1.status = .answered
        s1.assignee = "ben"
        s1.tags = ["praise", "de"]
        s1.firstResponseAt = now.addingTimeInterval(-3600)
        states[ms[1].key] = s1
        var s3 = MentionState()
        s3.status = .spam
        s3.tags = [text]
        states[ms[3].key] = s3
        return (ms, states)
    }
}
