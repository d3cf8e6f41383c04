import Foundation

/// Checks a reply before it is sent (EN and DE phrasing).
public enum ReplyChecks {
    static let salesy = [
        "discount", "upgrade now", "check out our", "special offer", "limited time", "buy now", "promo code", "coupon",
        "sign up today", "don't miss", "sale ends", "offer ends", "best deal",
        "angebot", "jetzt kaufen", "rabatt", "gutschein", "jetzt upgraden", "schau dir unser", "nur für kurze zeit",
        "aktionscode", "jetzt bestellen", "sonderangebot",
    ]

    static let stopwords: Set<String> = [
        "the", "and", "for", "you", "your", "are", "was", "with", "this", "that", "have", "has", "can", "could",
        "would", "will", "how",
        "what", "why", "when", "where", "who", "which", "not", "but", "our", "out", "any", "all", "get", "got", "does",
        "did", "there",
        "here", "from", "about", "just", "into", "they", "them", "their", "its", "it's", "i'm", "yes", "hey", "thanks",
        "thank", "please",
        "der", "die", "das", "und", "ist", "ich", "mir", "mich", "mein", "meine", "wie", "was", "warum", "wann", "wer",
        "wo", "kann",
        "können", "sie", "ihr", "ihre", "euch", "eure", "uns", "unser", "nicht", "auch", "noch", "schon", "mit", "für",
        "von", "bei",
        "auf", "aus", "ein", "eine", "einen", "dem", "den", "des", "hallo", "danke", "bitte", "gibt", "habe", "hat",
        "sind", "wird",
    ]

    /// Warnings for `reply` answering `mention` on `network` (default: the mention's).
    public static func check(reply: String, to mention: Mention?, network: String? = nil) -> [ReplyWarning] {
        var out: [ReplyWarning] = []
        let net = (network ?? mention?.platform ?? "").lowercased()
        if let (n, limit) = PostLength.measure(reply, network: net, visibility: mention?.reply?.visibility) {
            if n > limit {
                let unit = net == "mastodon" ? L10n.t("check.charactersLinks") : L10n.t("check.characters")
                out.append(
                    .init(
                        kind: .tooLong,
                        message: L10n.t(
                            "check.tooLong",
                            ["n": n, "unit": unit, "network": net.capitalized, "limit": limit, "over": n - limit])))
            }
        }
        if let limit = PostLength.hashtagLimit(net), PostLength.hashtags(reply) > limit {
            let n = PostLength.hashtags(reply)
            out.append(
                .init(
                    kind: .tooManyHashtags,
                    message: L10n.t(
                        "check.hashtags", ["n": n, "network": net.capitalized, "limit": limit, "over": n - limit])))
        }
        let placeholders = unfilled(reply)
        if !placeholders.isEmpty {
            out.append(
                .init(
                    kind: .unfilledPlaceholder,
                    message: L10n.t(
                        "check.placeholder", ["names": placeholders.map { "{{\($0)}}" }.joined(separator: ", ")])))
        }
        let lower = reply.lowercased()
        if let m = mention, isComplaint(m), let phrase = salesy.first(where: { lower.contains($0) }) {
            out.append(
                .init(
                    kind: .salesyToComplaint, message: L10n.t("check.salesy", ["phrase": phrase]))
            )
        }
        if isAllCaps(reply) { out.append(.init(kind: .allCaps, message: L10n.t("check.allCaps"))) }
        if let m = mention, isQuestion(m), !addresses(reply, m.text) {
            out.append(
                .init(kind: .unanswered, message: L10n.t("check.unanswered")))
        }
        let http = links(reply).filter { $0.lowercased().hasPrefix("http://") }
        if !http.isEmpty {
            out.append(
                .init(
                    kind: .insecureLink, message: L10n.t("check.insecureLink", ["links": http.joined(separator: ", ")]))
            )
        }
        return out
    }

    /// Placeholder names still in the text (`{{order}}`).
    public static func unfilled(_ s: String) -> [String] {
        var out: [String] = []
        var rest = Substring(s)
        while let a = rest.range(of: "{{"), let b = rest[a.upperBound...].range(of: "}}") {
            let name = rest[a.upperBound..<b.lowerBound].trimmingCharacters(in: .whitespaces)
            if !out.contains(name) { out.append(name) }
            rest = rest[b.upperBound...]
        }
        return out
    }

    static func isComplaint(_ m: Mention) -> Bool {
        guard let a = m.analysis else { return false }
        return a.intents.contains(.complaint) || a.intents.contains(.crisis) || a.sentiment == .negative
    }

    static func isQuestion(_ m: Mention) -> Bool {
        if let a = m.analysis { return a.intents.contains(.question) || a.intents.contains(.help) }
        return m.text.contains("?")
    }

    static func links(_ s: String) -> [String] {
        s.split(whereSeparator: { $0.isWhitespace }).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "()[]<>\"'.,;!?"))
        }
        .filter {
            let l = $0.lowercased()
            return l.hasPrefix("http://") || l.hasPrefix("https://")
        }
    }

    /// Most letters upper-case (at least 8 letters, 70 %), ignoring handles, tags and links.
    static func isAllCaps(_ s: String) -> Bool {
        var upper = 0
        var letters = 0
        for w in s.split(whereSeparator: { $0.isWhitespace })
        where !(w.hasPrefix("@") || w.hasPrefix("#") || w.lowercased().hasPrefix("http")) {
            for c in w where c.isLetter {
                letters += 1
                if c.isUppercase { upper += 1 }
            }
        }
        return letters >= 8 && Double(upper) >= 0.7 * Double(letters)
    }

    /// Content words: letters and digits, folded, at least 3 long, no stop words, no handles or links.
    static func contentWords(_ s: String) -> [String] {
        s.split(whereSeparator: { $0.isWhitespace }).filter { !$0.hasPrefix("@") && !$0.lowercased().hasPrefix("http") }
            .flatMap { $0.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) }
            .map { String(decoding: QueryText.fold(String($0)), as: UTF8.self) }
            .filter { $0.count >= 3 && !stopwords.contains($0) }
    }

    /// A reply addresses a question when it links somewhere, or shares a content word (or a 5-letter stem) with it;
    /// a very short reply ("ok", "thanks!") never does.
    static func addresses(_ reply: String, _ question: String) -> Bool {
        let r = contentWords(reply)
        let trimmed = reply.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count < 12 || r.isEmpty { return false }
        if !links(reply).isEmpty { return true }
        let q = Set(contentWords(question))
        let stems = Set(q.filter { $0.count >= 5 }.map { String($0.prefix(5)) })
        for w in r {
            if q.contains(w) { return true }
            if w.count >= 5, stems.contains(String(w.prefix(5))) { return true }
        }
        return false
    }
}
