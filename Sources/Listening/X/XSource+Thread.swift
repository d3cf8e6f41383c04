import Foundation
import SwitchboardCore

extension XSource: ThreadFetching {
    /// The conversation of a post: a recent search for `conversation_id:ID` (X keeps seven days searchable on the
    /// plans that have search), one page of up to 100 posts, charged to the monthly read ledger like a poll; refused
    /// without a request when the month's budget is spent.
    public func conversation(of mention: Mention) async throws -> [Mention] {
        if mention.reply?.visibility == "direct" { return try await directConversation(of: mention) }
        guard
            let conversation = mention.extra?["conversation_id"]?.stringValue ?? mention.threadRoot
                ?? (mention.inReplyTo == nil ? mention.id : nil),
            !conversation.isEmpty, conversation.allSatisfy(\.isNumber)
        else { return [] }
        let now = client.now()
        if let b = config.monthlyReadBudget, ledger.used(now: now) >= b { throw spent(b, now: now) }
        let q = [
            ("query", "conversation_id:" + conversation), ("max_results", "100"), ("tweet.fields", X.tweetFields),
            ("expansions", X.expansions), ("user.fields", X.userFields),
        ]
        let (page, _) = try await client.get(X.Page.self, "/2/tweets/search/recent", q)
        try ledger.add(page.data.count, now: client.now())
        return mentions(from: page, via: "thread")
    }
}
