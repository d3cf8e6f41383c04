import Foundation

extension Mention {
    /// Reads a stored mention line with the fast scanner; nil when anything is unexpected (the caller
    /// then uses JSONDecoder, which also explains the problem).
    public static func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>) -> Mention? {
        var s = JSONScanner(bytes)
        var schema = 1
        var key: String?
        var platform: String?
        var id: String?
        var text: String?
        var created: Date?
        var fetched: Date?
        var url: String?
        var lang: String?
        var source: String?
        var title: String?
        var inReplyTo: String?
        var threadRoot: String?
        var author: Author?
        var analysis: Analysis?
        var reply: ReplyRef?
        var extra: [String: JSONValue]?
        var seen: UInt64 = 0
        do {
            try s.beginObject()
            while let k = try s.nextKey() {
                switch k.count {
                case 1 where k[0] == 118:
                    try JSONScanner.once(&seen, 0)
                    schema = try s.int()  // v
                case 2 where keyIs(k, "id"):
                    try JSONScanner.once(&seen, 1)
                    id = try s.string()
                case 3 where keyIs(k, "key"):
                    try JSONScanner.once(&seen, 2)
                    key = try s.string()
                case 3 where keyIs(k, "url"):
                    try JSONScanner.once(&seen, 3)
                    url = try s.optionalString()
                case 4 where keyIs(k, "text"):
                    try JSONScanner.once(&seen, 4)
                    text = try s.string()
                case 4 where keyIs(k, "lang"):
                    try JSONScanner.once(&seen, 5)
                    lang = try s.optionalString()
                case 5 where keyIs(k, "title"):
                    try JSONScanner.once(&seen, 6)
                    title = try s.optionalString()
                case 5 where keyIs(k, "reply"):
                    try JSONScanner.once(&seen, 7)
                    reply = try decodeReply(&s)
                case 5 where keyIs(k, "extra"):
                    try JSONScanner.once(&seen, 16)
                    if case .object(let o) = try s.value() { extra = o } else { throw JSONScanner.Failure() }
                case 6 where keyIs(k, "source"):
                    try JSONScanner.once(&seen, 8)
                    source = try s.optionalString()
                case 6 where keyIs(k, "author"):
                    try JSONScanner.once(&seen, 9)
                    author = try decodeAuthor(&s)
                case 8 where keyIs(k, "platform"):
                    try JSONScanner.once(&seen, 10)
                    platform = try s.string()
                case 8 where keyIs(k, "analysis"):
                    try JSONScanner.once(&seen, 11)
                    analysis = try decodeAnalysis(&s)
                case 10 where keyIs(k, "created_at"):
                    try JSONScanner.once(&seen, 12)
                    created = try s.date()
                case 10 where keyIs(k, "fetched_at"):
                    try JSONScanner.once(&seen, 13)
                    fetched = try s.date()
                case 11 where keyIs(k, "in_reply_to"):
                    try JSONScanner.once(&seen, 14)
                    inReplyTo = try s.optionalString()
                case 11 where keyIs(k, "thread_root"):
                    try JSONScanner.once(&seen, 15)
                    threadRoot = try s.optionalString()
                default: throw JSONScanner.Failure()
                }
            }
            try s.end()
        } catch { return nil }
        // A newer version's record: JSONDecoder refuses it with the reason.
        guard schema <= Mention.schemaVersion, let key, let platform, let id, let text, let created else { return nil }
        return Mention(
            schema: schema, key: key, platform: platform, id: id, text: text, createdAt: created,
            fetchedAt: fetched ?? created,
            url: url, author: author, lang: lang, inReplyTo: inReplyTo, threadRoot: threadRoot, source: source,
            title: title, reply: reply, extra: extra, analysis: analysis)
    }

    /// Memberwise, with the key as stored.
    init(
        schema: Int, key: String, platform: String, id: String, text: String, createdAt: Date, fetchedAt: Date,
        url: String?,
        author: Author?, lang: String?, inReplyTo: String?, threadRoot: String?, source: String?, title: String?,
        reply: ReplyRef?, extra: [String: JSONValue]?, analysis: Analysis?
    ) {
        (self.schema, self.key, self.platform, self.id, self.text) = (schema, key, platform, id, text)
        (self.createdAt, self.fetchedAt, self.url, self.author, self.lang) = (createdAt, fetchedAt, url, author, lang)
        (self.inReplyTo, self.threadRoot, self.source, self.title) = (inReplyTo, threadRoot, source, title)
        (self.reply, self.extra, self.analysis) = (reply, extra, analysis)
    }

    private static func decodeAuthor(_ s: inout JSONScanner) throws -> Author? {
        if s.peek() == 110 { try s.literal("null"); return nil }
        var handle: String?
        var name: String?
        var url: String?
        var followers: Int?
        var seen: UInt64 = 0
        try s.beginObject()
        while let k = try s.nextKey() {
            if keyIs(k, "handle") {
                try JSONScanner.once(&seen, 0)
                handle = try s.string()
            } else if keyIs(k, "name") {
                try JSONScanner.once(&seen, 1)
                name = try s.optionalString()
            } else if keyIs(k, "url") {
                try JSONScanner.once(&seen, 2)
                url = try s.optionalString()
            } else if keyIs(k, "followers") {
                try JSONScanner.once(&seen, 3)
                followers = try s.optionalInt()
            } else { throw JSONScanner.Failure() }
        }
        guard let handle else { throw JSONScanner.Failure() }
        return Author(handle: handle, name: name, url: url, followers: followers)
    }

    private static func decodeReply(_ s: inout JSONScanner) throws -> ReplyRef? {
        if s.peek() == 110 { try s.literal("null"); return nil }
        var r = ReplyRef()
        var seen: UInt64 = 0
        try s.object { s, k in
            if keyIs(k, "uri") {
                try JSONScanner.once(&seen, 0)
                r.uri = try s.optionalString()
            } else if keyIs(k, "cid") {
                try JSONScanner.once(&seen, 1)
                r.cid = try s.optionalString()
            } else if keyIs(k, "root_uri") {
                try JSONScanner.once(&seen, 2)
                r.rootURI = try s.optionalString()
            } else if keyIs(k, "root_cid") {
                try JSONScanner.once(&seen, 3)
                r.rootCID = try s.optionalString()
            } else if keyIs(k, "visibility") {
                try JSONScanner.once(&seen, 4)
                r.visibility = try s.optionalString()
            } else { throw JSONScanner.Failure() }
        }
        return r
    }

    static func decodeAnalysis(_ s: inout JSONScanner) throws -> Analysis? {
        if s.peek() == 110 { try s.literal("null"); return nil }
        var lang: String?
        var sentiment: Sentiment?
        var score: Double?
        var intents: [Intent] = []
        var a = Analysis(lang: "", sentiment: .neutral, score: 0, intents: [])
        var seen: UInt64 = 0
        try s.object { s, k in
            if keyIs(k, "lang") {
                try JSONScanner.once(&seen, 0)
                lang = try s.string()
            } else if keyIs(k, "sentiment") {
                try JSONScanner.once(&seen, 1)
                guard let v = Sentiment(rawValue: try s.string()) else { throw JSONScanner.Failure() }
                sentiment = v
            } else if keyIs(k, "score") {
                try JSONScanner.once(&seen, 2)
                score = try s.number()
            } else if keyIs(k, "intents") {
                try JSONScanner.once(&seen, 5)
                try s.array { s in
                    guard let v = Intent(rawValue: try s.string()) else { throw JSONScanner.Failure() }
                    intents.append(v)
                }
            } else if keyIs(k, "crisis_terms") {
                try JSONScanner.once(&seen, 3)
                a.crisisTerms =
                    s.peek() == 110
                    ? try {
                        try s.literal("null")
                        return nil
                    }() : try s.stringArray()
            } else if keyIs(k, "model") {
                try JSONScanner.once(&seen, 4)
                a.model = try s.optionalString()
            } else { throw JSONScanner.Failure() }
        }
        // `intents` is required, as for JSONDecoder (bit 5 of `seen`): the two decoders accept the same lines.
        guard let lang, let sentiment, let score, seen & (1 << 5) != 0 else { throw JSONScanner.Failure() }
        (a.lang, a.sentiment, a.score, a.intents) = (lang, sentiment, score, intents)
        return a
    }

    /// This mention as `fastDecode` reads back the line `fastEncode` writes for it, without writing or reading the
    /// line (issue 18: an `ingest` hands its appended mentions to the index instead of having it read and decode
    /// them again). What the line does not keep exactly — the times (to the millisecond, held to the years the
    /// reader takes), the score (to four decimals; 0 when not finite), the followers — goes through the same writer
    /// and reader as the line's fields; strings and the rest are written and read back as they are. Nil when any
    /// of those would not read back by the fast reader (the caller then reads the line).
    public func readBack() -> Mention? {
        guard schema <= Mention.schemaVersion else { return nil }
        var w = JSONWriter()
        w.beginObject()
        w.field("created_at", createdAt)
        w.field("fetched_at", fetchedAt)
        if let a = analysis { w.field("score", a.score) }
        if let au = author { w.field("followers", au.followers) }
        w.endObject()
        var m = self
        let read: Bool = w.out.withUnsafeBufferPointer { b in
            var s = JSONScanner(b)
            do {
                try s.beginObject()
                while let k = try s.nextKey() {
                    if keyIs(k, "created_at") {
                        m.createdAt = try s.date()
                    } else if keyIs(k, "fetched_at") {
                        m.fetchedAt = try s.date()
                    } else if keyIs(k, "score") {
                        m.analysis?.score = try s.number()
                    } else if keyIs(k, "followers") {
                        m.author?.followers = try s.optionalInt()
                    } else {
                        return false
                    }
                }
                try s.end()
                return true
            } catch { return false }
        }
        return read ? m : nil
    }

    /// The stored line for this mention (sorted keys, like the JSONEncoder path), without the newline.
    func fastEncode(into w: inout JSONWriter) {
        w.beginObject()
        if let a = analysis {
            w.key("analysis")
            w.beginObject()
            if let c = a.crisisTerms {
                w.key("crisis_terms")
                w.value(.array(c.map { .string($0) }))
            }
            w.key("intents")
            w.value(.array(a.intents.map { .string($0.rawValue) }))
            w.field("lang", a.lang)
            w.field("model", a.model)
            w.field("score", a.score)
            w.field("sentiment", a.sentiment.rawValue)
            w.endObject()
        }
        if let au = author {
            w.key("author")
            w.beginObject()
            w.field("followers", au.followers)
            w.field("handle", au.handle)
            w.field("name", au.name)
            w.field("url", au.url)
            w.endObject()
        }
        w.field("created_at", createdAt)
        if let e = extra { w.key("extra"); w.value(.object(e)) }
        w.field("fetched_at", fetchedAt)
        w.field("id", id)
        w.field("in_reply_to", inReplyTo)
        w.field("key", key)
        w.field("lang", lang)
        w.field("platform", platform)
        if let r = reply {
            w.key("reply")
            w.beginObject()
            w.field("cid", r.cid)
            w.field("root_cid", r.rootCID)
            w.field("root_uri", r.rootURI)
            w.field("uri", r.uri)
            w.field("visibility", r.visibility)
            w.endObject()
        }
        w.field("source", source)
        w.field("text", text)
        w.field("thread_root", threadRoot)
        w.field("title", title)
        w.field("url", url)
        w.field("v", schema)
        w.endObject()
    }
}
