import Foundation
import SwitchboardCore

/// How much of its rate limits an app has used, from the headers Meta sends with every answer:
/// `X-App-Usage` and `X-Page-Usage` (`{"call_count": 28, "total_time": 25, "total_cputime": 25}`),
/// `X-Business-Use-Case-Usage` (`{"<id>": [{"type": "pages", "call_count": 100, …,
/// "estimated_time_to_regain_access": 19}]}`, minutes) and `X-Ad-Account-Usage` (`{"acc_id_util_pct": 9.67,
/// "reset_time_duration": 120}`, seconds). Each value is a percentage of the limit.
public struct GraphUsage: Sendable, Hashable {
    /// Each limit's highest percentage (`app`, `page`, `ads`, or the business use case type like `pages`).
    public var parts: [Part]
    /// Minutes until access comes back, when Meta estimated it.
    public var regainMinutes: Double?

    public struct Part: Sendable, Hashable {
        public var name: String
        public var percent: Double
    }

    public init(parts: [Part] = [], regainMinutes: Double? = nil) {
        (self.parts, self.regainMinutes) = (parts, regainMinutes)
    }

    /// The highest percentage of any limit (0 when the headers said nothing).
    public var percent: Double { parts.map(\.percent).max() ?? 0 }

    /// Reads the usage headers (names lower-cased); nil when the response carried none.
    public static func parse(_ headers: [String: String]) -> GraphUsage? {
        var u = GraphUsage()
        func object(_ name: String) -> [String: Any]? {
            guard let v = headers[name], let d = v.data(using: .utf8) else { return nil }
            return (try? JSONSerialization.jsonObject(with: d)) as? [String: Any]
        }
        func highest(_ o: [String: Any], _ keys: [String]) -> Double? {
            keys.compactMap { number(o[$0]) }.max()
        }
        let counters = ["call_count", "total_time", "total_cputime"]
        if let o = object("x-app-usage"), let p = highest(o, counters) { u.add("app", p) }
        if let o = object("x-page-usage"), let p = highest(o, counters) { u.add("page", p) }
        if let o = object("x-ad-account-usage") {
            if let p = highest(o, ["acc_id_util_pct"]) { u.add("ads", p) }
            if let s = number(o["reset_time_duration"]), s > 0 { u.regain(s / 60) }
        }
        if let o = object("x-business-use-case-usage") {
            for case let list as [[String: Any]] in o.values {
                for e in list {
                    let name = (e["type"] as? String).map { NetworkText.clean($0, max: 40) } ?? "business"
                    if let p = highest(e, counters) { u.add(name.isEmpty ? "business" : name, p) }
                    if let m = number(e["estimated_time_to_regain_access"]), m > 0 { u.regain(m) }
                }
            }
        }
        return u.parts.isEmpty && u.regainMinutes == nil ? nil : u
    }

    mutating func add(_ name: String, _ p: Double) {
        let v = min(max(p, 0), 1000)
        if let i = parts.firstIndex(where: { $0.name == name }) {
            parts[i].percent = max(parts[i].percent, v)
        } else {
            parts.append(Part(name: name, percent: v))
        }
    }

    mutating func regain(_ minutes: Double) { regainMinutes = max(regainMinutes ?? 0, min(minutes, 24 * 60)) }

    /// Combines two readings (the highest of each limit): a poll makes several requests.
    public func merged(_ other: GraphUsage?) -> GraphUsage {
        guard let other else { return self }
        var u = self
        for p in other.parts { u.add(p.name, p.percent) }
        if let m = other.regainMinutes { u.regain(m) }
        return u
    }

    /// When access comes back, if Meta said.
    public func regainAt(now: Date) -> Date? { regainMinutes.map { now.addingTimeInterval($0 * 60) } }

    /// The earliest next poll, so the app slows down before Meta stops it: from 75% the interval doubles, from
    /// 90% it is four times as long, at 100% the poll waits until access is back (Meta's estimate, else an hour).
    /// Nil below 75%.
    public func slowDown(interval: TimeInterval, now: Date) -> Date? {
        let p = percent
        if p >= 100 {
            return regainAt(now: now).flatMap { $0 > now ? $0 : nil } ?? now.addingTimeInterval(max(3600, interval))
        }
        if p >= 90 { return now.addingTimeInterval(interval * 4) }
        if p >= 75 { return now.addingTimeInterval(interval * 2) }
        return nil
    }

    /// `app 28%, pages 100%, access back in 19 min` (what `sources list` shows).
    public var summary: String {
        var s = parts.map { "\($0.name) \(Int($0.percent.rounded()))%" }.joined(separator: ", ")
        if let m = regainMinutes, m > 0 { s += (s.isEmpty ? "" : ", ") + "access back in \(Int(m.rounded(.up))) min" }
        return s
    }

    static func number(_ v: Any?) -> Double? {
        if let n = v as? NSNumber { let d = n.doubleValue; return d.isFinite ? d : nil }
        if let s = v as? String, let d = Double(s), d.isFinite { return d }
        return nil
    }
}
