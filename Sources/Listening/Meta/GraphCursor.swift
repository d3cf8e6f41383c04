import Foundation
import SwitchboardCore

/// Packs a small map into one cursor value (`id=value;id=value`), for feeds that remember something per media,
/// post or thread (a comment count, the newest reply seen). Ids and values never hold `;` or `=` (Graph ids are
/// digits and underscores; values are counts and ISO times); anything else is dropped.
enum GraphCursor {
    static func decode(_ s: String?) -> [String: String] {
        var out: [String: String] = [:]
        for part in (s ?? "").split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { out[String(kv[0])] = String(kv[1]) }
        }
        return out
    }

    static func encode(_ m: [String: String]) -> String {
        m.filter { !$0.key.contains(where: { $0 == ";" || $0 == "=" }) && !$0.value.contains(";") }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }
}

extension PollResult {
    /// Polls Graph feeds like `gather`, then slows the next poll down when Meta's usage headers near a limit and
    /// keeps the usage for `sources list` (also on a partial poll).
    static func gatherGraph<Feed>(
        _ feeds: [Feed], cursor: [String: String], client: GraphClient, interval: TimeInterval, key: (Feed) -> String,
        read: (Feed, String?) async throws -> (items: [Mention], newest: String?, wait: Date?)
    ) async throws -> PollResult {
        _ = client.meter.take()
        func finish(_ r: inout PollResult) {
            guard let u = client.meter.current else { return }
            r.usage = u.summary
            if let slow = u.slowDown(interval: interval, now: client.now()), slow > (r.notBefore ?? .distantPast) {
                r.notBefore = slow
            }
        }
        do {
            var r = try await gather(feeds, cursor: cursor, key: key, read: read, id: \.id) { m, _ in m }
            finish(&r)
            return r
        } catch var p as PartialPoll {
            finish(&p.result)
            throw p
        } catch SourceError.rateLimited(let at, let detail) where client.meter.current != nil {
            // Nothing read, but the usage that stopped it is what `sources list` should show.
            var r = PollResult(mentions: [], cursor: cursor, notBefore: at)
            r.usage = client.meter.current?.summary
            throw PartialPoll(result: r, error: .rateLimited(retryAt: at, detail: detail))
        }
    }
}
