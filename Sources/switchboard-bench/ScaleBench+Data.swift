import Foundation
import SwitchboardCore

/// The data of the scale run: a JSON Lines export (the import format a team would bring) of N mentions over
/// the last 30 days, built on `MentionGenerator`'s English and German posts with the variety real traffic has —
/// openers, hashtags, links, order numbers, emoji, replies in threads, news items with a headline — so text
/// queries, thread indexing and the bytes on disk behave as with real data. Deterministic for a given N.
enum ScaleData {
    static let openers = [
        "", "", "", "@acmecloud ", "Hey @acmecloud, ", "RT @techweekly: ", "Ehrlich gesagt: ", "Update: ",
    ]
    static let tails = [
        "", "", "", " #AcmeCloud", " #outage", " #help", " 😡", " 🙏", " 👍🏻", " :(", "!!!",
        " https://example.social/link/", " order #", " Ticket ", " (day ", " Grüße aus München", " 東京からです",
    ]
    static let headlines = [
        "Acme Cloud raises prices for family plans", "Outage hits Acme Cloud users across Europe",
        "Acme Cloud im Test: schnell, aber teuer", "Review: Acme Cloud Business after six months",
        "Acme Cloud kündigt neues Rechenzentrum in Frankfurt an",
    ]
    static let bodies = [
        "The cloud storage provider said on Tuesday that it would change its plans for families and small teams, "
            + "citing rising costs. Customers on existing plans keep their price until their next renewal.",
        "Nutzerinnen und Nutzer berichten seit dem Vormittag von Problemen beim Synchronisieren. Der Anbieter "
            + "bestätigte eine Störung und arbeitet nach eigenen Angaben an einer Lösung.",
    ]

    /// Writes N lines to `file` and returns its size in bytes.
    @discardableResult
    static func writeExport(count n: Int, to file: URL, now: Date = Date()) throws -> Int {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let h = try FileHandle(forWritingTo: file)
        defer { try? h.close() }
        var gen = MentionGenerator(seed: 1_000_003)
        var buf = ""
        buf.reserveCapacity(1 << 20)
        var total = 0
        var recentIDs: [String] = []
        for i in 0..<n {
            buf += line(i, gen: &gen, now: now, recent: &recentIDs)
            buf += "\n"
            if buf.utf8.count > 900_000 || i == n - 1 {
                let d = Data(buf.utf8)
                total += d.count
                h.write(d)
                buf.removeAll(keepingCapacity: true)
            }
        }
        return total
    }

    static func line(_ i: Int, gen: inout MentionGenerator, now: Date, recent: inout [String]) -> String {
        let r = gen.next() % 100
        let platform = r < 40 ? "mastodon" : r < 80 ? "bluesky" : r < 92 ? "rss" : "reddit"
        let german = gen.next() % 100 < 45
        let handleNo = Int(gen.next() % 20_000)
        let handle = platform == "bluesky" ? "user\(handleNo).bsky.social" : "user\(handleNo)@mastodon.example"
        let at = now.addingTimeInterval(-Double(gen.next() % (30 * 86_400)))
        let id = "\(platform == "bluesky" ? "3k" : "")\(110_000_000 + i)"
        var text: String
        var title: String?
        if platform == "rss" && gen.next() % 2 == 0 {
            title = gen.pick(headlines)
            text = gen.pick(bodies)
        } else {
            text = gen.pick(openers) + (german ? gen.pick(MentionGenerator.de) : gen.pick(MentionGenerator.en))
            let tail = gen.pick(tails)
            text += tail
            if tail.hasSuffix("/") || tail.hasSuffix("#") || tail.hasSuffix(" ") { text += "\(gen.next() % 100_000)" }
            if tail == " (day " { text += "\(gen.next() % 30))" }
        }
        let followers = gen.next() % 100 < 95 ? gen.next() % 2_000 : gen.next() % 250_000
        var s =
            "{\"platform\":\"\(platform)\",\"id\":\"\(id)\",\"text\":\(quote(text)),\"created_at\":\"\(Timestamp.format(at))\""
        s += ",\"url\":\"https://example.social/@user\(handleNo)/\(id)\""
        s += ",\"author\":{\"handle\":\(quote(handle)),\"name\":\"User \(handleNo)\",\"followers\":\(followers)}"
        s += ",\"lang\":\"\(german ? "de" : "en")\",\"source\":\"\(platform == "rss" ? "alerts" : platform)\""
        if let title { s += ",\"title\":\(quote(title))" }
        // One in eight replies to a recent post of the same run: threads as the workbench indexes them.
        if !recent.isEmpty && gen.next() % 8 == 0 { s += ",\"in_reply_to\":\"\(gen.pick(recent))\"" }
        if platform == "mastodon" { s += ",\"reblogs\":\(gen.next() % 20),\"favourites\":\(gen.next() % 50)" }
        s += "}"
        if platform != "rss" {
            if recent.count < 64 { recent.append(id) } else { recent[Int(gen.next() % 64)] = id }
        }
        return s
    }

    /// A JSON string literal (quotes, backslashes and control characters escaped).
    static func quote(_ s: String) -> String { JSONValue.literal(s) }

    /// Bytes of every file under `root`, and how many files.
    static func diskUsage(_ root: URL) -> (bytes: Int, files: Int) {
        var bytes = 0
        var files = 0
        guard
            let e = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        else { return (0, 0) }
        for case let u as URL in e {
            guard let v = try? u.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey]), v.isRegularFile == true
            else { continue }
            bytes += v.fileSize ?? 0
            files += 1
        }
        return (bytes, files)
    }
}
