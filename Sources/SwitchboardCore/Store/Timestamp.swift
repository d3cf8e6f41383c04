import Foundation

/// Fast ISO 8601 reading and writing for log records (the hot path of opening a store),
/// with a lenient fallback for the forms people and APIs actually send.
public enum Timestamp {
    /// Parses `YYYY-MM-DD[T ]HH:MM[:SS[.fff…]][Z|±HH[:MM]]`; a bare date is midnight UTC. Nil when not ISO 8601.
    public static func parse(_ s: String) -> Date? {
        var s = s
        return s.withUTF8 { parse(bytes: $0) }
    }

    public static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        let n = b.count
        func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var v = 0
            for k in 0..<count {
                let c = b[i + k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += count
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            if i < n, b[i] == c { i += 1; return true }
            return false
        }
        guard let year = digits(4), expect(45), let month = digits(2), expect(45), let day = digits(2) else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var frac = 0.0
        var offset = 0
        if i < n {
            guard b[i] == 84 || b[i] == 116 || b[i] == 32 else { return nil }  // T t space
            i += 1
            guard let h = digits(2), expect(58), let m = digits(2) else { return nil }
            hour = h
            minute = m
            if expect(58) {
                guard let sec = digits(2) else { return nil }
                second = sec
            }
            if i < n, b[i] == 46 || b[i] == 44 {  // . or ,
                i += 1
                var scale = 0.1
                var any = false
                while i < n, b[i] >= 48, b[i] <= 57 {
                    frac += Double(b[i] - 48) * scale
                    scale /= 10
                    i += 1
                    any = true
                }
                guard any else { return nil }
            }
            if i < n {
                if b[i] == 90 || b[i] == 122 {
                    i += 1
                }  // Z z
                else if b[i] == 43 || b[i] == 45 {
                    let sign = b[i] == 45 ? -1 : 1
                    i += 1
                    guard let oh = digits(2) else { return nil }
                    var om = 0
                    if expect(58) {
                        guard let m = digits(2) else { return nil }
                        om = m
                    } else if let m = digits(2) {
                        om = m
                    }
                    offset = sign * (oh * 3600 + om * 60)
                }
            }
            guard i == n, hour <= 24, minute <= 59, second <= 60 else { return nil }
        }
        let days = daysFromCivil(year, month, day)
        let secs = Double(days * 86400 + hour * 3600 + minute * 60 + second - offset) + frac
        return Date(timeIntervalSince1970: secs)
    }

    /// `2026-11-27T03:20:25Z`, or with milliseconds when the date has them.
    /// `2026-11-27 14:05` in `tz`: a time for people (status lines, overlays), to the minute.
    public static func local(_ d: Date, _ tz: TimeZone) -> String {
        let shifted = d.addingTimeInterval(Double(tz.secondsFromGMT(for: d)))
        let iso = format(Date(timeIntervalSince1970: shifted.timeIntervalSince1970.rounded(.down)))
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
    }

    /// Seconds since 1970 of 0001-01-01T00:00:00Z through 9999-12-31T23:59:59Z: the dates the store writes as they are.
    public static let writable: ClosedRange<Double> = -62_135_596_800...253_402_300_799

    /// A creation time a network sent as seconds since 1970, when it is one the store can keep (finite, in 0001–9999).
    public static func networkDate(_ seconds: Double?) -> Date? {
        guard let s = seconds, s.isFinite, writable.contains(s) else { return nil }
        return Date(timeIntervalSince1970: s)
    }

    public static func format(_ d: Date) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(26)
        write(d, into: &out)
        return String(decoding: out.dropFirst().dropLast(), as: UTF8.self)
    }

    /// Appends `"2026-11-27T03:20:25Z"` (with milliseconds when present), quotes included, without building Strings.
    static func write(_ d: Date, into out: inout [UInt8]) {
        // A date from the network can be anything a Double holds (1e300, infinity, NaN): written, it is held to
        // the years 0001–9999 the reader takes back, instead of trapping in the conversion to Int.
        let raw = d.timeIntervalSince1970
        let t = raw.isNaN ? 0 : min(max(raw, writable.lowerBound), writable.upperBound)
        var secs = Int(t.rounded(.down))
        var millis = Int(((t - Double(secs)) * 1000).rounded())
        if millis == 1000 { secs += 1; millis = 0 }
        let days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400
        let rem = secs - days * 86400
        let (y, m, dd) = civilFromDays(days)
        @inline(__always) func two(_ v: Int) {
            out.append(48 + UInt8(v / 10))
            out.append(48 + UInt8(v % 10))
        }
        out.append(34)
        if (0...9999).contains(y) {
            two(y / 100)
            two(y % 100)
        } else { out.append(contentsOf: Array(String(y).utf8)) }
        out.append(45)
        two(m)
        out.append(45)
        two(dd)
        out.append(84)
        two(rem / 3600)
        out.append(58)
        two(rem % 3600 / 60)
        out.append(58)
        two(rem % 60)
        if millis != 0 { out.append(46); out.append(48 + UInt8(millis / 100)); two(millis % 100) }
        out.append(90)
        out.append(34)
    }

    // Howard Hinnant's civil calendar algorithms.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// `YYYY-MM` of a date in UTC: the month partition of a log record.
    public static func monthKey(_ d: Date) -> String { String(format(d).prefix(7)) }
}

extension JSONEncoder.DateEncodingStrategy {
    public static let switchboard = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var c = encoder.singleValueContainer()
        try c.encode(Timestamp.format(date))
    }
}

extension JSONDecoder.DateDecodingStrategy {
    public static let switchboard = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Timestamp.parse(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 date: \(s.prefix(40))")
        }
        return d
    }
}
