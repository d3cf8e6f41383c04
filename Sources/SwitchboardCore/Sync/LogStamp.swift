import Foundation

/// Where a record stands in the one order every site folds in: its hybrid logical clock, then its site.
/// (A site's clock never gives two of its records the same value, so the pair is unique; records without a stamp,
/// written before the data directory had a site, come first, in file order.)
public struct LogStamp: Hashable, Sendable, Comparable, Codable {
    /// Milliseconds since 1970 shifted left by 16 bits, plus a counter (`HybridClock`).
    public var hlc: Int64
    public var site: String

    public init(hlc: Int64, site: String) { (self.hlc, self.site) = (hlc, site) }

    public static func < (a: LogStamp, b: LogStamp) -> Bool { (a.hlc, a.site) < (b.hlc, b.site) }

    /// The wall-clock part, for people ("20 s later").
    public var date: Date { Date(timeIntervalSince1970: Double(hlc >> 16) / 1000) }
}

/// A hybrid logical clock: never behind the wall clock, never behind any record this site has read, strictly
/// increasing. Sites with skewed clocks still agree on one order that respects what each had seen.
public struct HybridClock: Sendable {
    public private(set) var last: Int64 = 0

    public init() {}

    /// Takes note of a record read from any site.
    public mutating func observe(_ hlc: Int64) { if hlc > last { last = hlc } }

    /// The next stamp value at wall-clock time `now`.
    public mutating func tick(now: Date) -> Int64 {
        let physical = Int64((now.timeIntervalSince1970 * 1000).rounded(.down)) << 16
        last = max(physical, last + 1)
        return last
    }
}
