import Foundation

/// Dates as feeds write them: RFC 822/1123/2822 (`Thu, 01 Jan 2004 19:48:21 GMT`) and ISO 8601 / W3CDTF
/// (`2003-12-31T10:14:55Z`), including the usual broken forms: missing seconds or weekday, two-digit years,
/// named zones (EST, PDT, GMT, military letters), missing zone (taken as UTC), lowercase, `-` instead of
/// spaces, asctime order (`Sun Jan  4 16:29:06 PST 2004`), compact ISO (`20031231T101455Z`), bare years.
public enum FeedDate {
    public static func parse(_ raw: String) -> Date? {
        var bytes = Array(raw.utf8.prefix(80))
        while let l = bytes.last, l == 32 || l == 9 || l == 10 || l == 13 { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 32 || bytes[start] == 9 || bytes[start] == 10 || bytes[start] == 13 {
            start += 1
        }
        guard start < bytes.count else { return nil }
        let b = Array(bytes[start...]).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if b.count >= 4, b[0...3].allSatisfy(isDigit), b.count == 4 || !isDigit(b[4]) || b.count >= 8 {
            if let d = iso(b) { return d }
        }
        return rfc822(b)
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    // MARK: ISO 8601 / W3CDTF

    static func iso(_ b: [UInt8]) -> Date? {
        var i = 0
        let n = b.count
        func num(_ maxLen: Int) -> (Int, Int)? {  // value, digit count
            var v = 0
            var k = 0
            while i < n, k < maxLen, isDigit(b[i]) { v = v * 10 + Int(b[i] - 48); i += 1; k += 1 }
            return k == 0 ? nil : (v, k)
        }
        guard let (year, _) = num(4) else { return nil }
        var month = 1
        var day = 1
        let compact = i < n && isDigit(b[i])
        if compact {
            guard let (m, _) = num(2), let (d, _) = num(2) else { return nil }
            month = m
            day = d
        } else if i < n, b[i] == 45 || b[i] == 47 {  // - or /
            i += 1
            guard let (m, _) = num(2) else { return nil }
            month = m
            if i < n, b[i] == 45 || b[i] == 47 {
                i += 1
                guard let (d, _) = num(2) else { return nil }
                day = d
            }
        }
        var hour = 0
        var minute = 0
        var second = 0
        var frac = 0.0
        var offset = 0
        if i < n, b[i] == 116 || b[i] == 32 {  // t or space
            i += 1
            while i < n, b[i] == 32 { i += 1 }
            if i < n, isDigit(b[i]) {
                guard let (h, hk) = num(2) else { return nil }
                hour = h
                if hk == 2, i < n, isDigit(b[i]) {  // compact HHMM[SS]
                    guard let (m, _) = num(2) else { return nil }
                    minute = m
                    if let (s, _) = num(2) { second = s }
                } else if i < n, b[i] == 58 {
                    i += 1
                    guard let (m, _) = num(2) else { return nil }
                    minute = m
                    if i < n, b[i] == 58 {
                        i += 1
                        guard let (s, _) = num(2) else { return nil }
                        second = s
                    }
                }
                if i < n, b[i] == 46 || b[i] == 44 {
                    i += 1
                    var scale = 0.1
                    while i < n, isDigit(b[i]) { frac += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
                }
            }
        }
        while i < n, b[i] == 32 { i += 1 }
        if i < n {
            if b[i] == 43 || b[i] == 45 {
                let sign = b[i] == 45 ? -1 : 1
                i += 1
                guard let (z, k) = num(4) else { return nil }
                var oh = z
                var om = 0
                if k == 4 {
                    oh = z / 100
                    om = z % 100
                } else if k == 3 {
                    oh = z / 100
                    om = z % 100
                } else if i < n, b[i] == 58 {
                    i += 1
                    om = num(2)?.0 ?? 0
                }
                offset = sign * (oh * 3600 + om * 60)
            } else {
                let word = String(decoding: b[i...].prefix { $0 >= 97 && $0 <= 122 }, as: UTF8.self)
                guard let z = zoneOffset(word) else { return nil }
                offset = z
                i += word.utf8.count
            }
        }
        return make(year, month, day, hour, minute, second, frac, offset)
    }

    // MARK: RFC 822 and friends

    static func rfc822(_ b: [UInt8]) -> Date? {
        var words: [String] = []
        var numbers: [(Int, Int)] = []  // value, digits
        var time: (Int, Int, Int)?
        var offset: Int?
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c >= 97 && c <= 122 {
                let s = i
                while i < n, b[i] >= 97, b[i] <= 122 { i += 1 }
                words.append(String(decoding: b[s..<i], as: UTF8.self))
            } else if isDigit(c) {
                let s = i
                var v = 0
                while i < n, isDigit(b[i]) { v = v * 10 + Int(b[i] - 48); i += 1 }
                if i < n, b[i] == 58, time == nil {  // hh:mm[:ss]
                    i += 1
                    var m = 0
                    var k = 0
                    while i < n, isDigit(b[i]), k < 2 { m = m * 10 + Int(b[i] - 48); i += 1; k += 1 }
                    var sec = 0
                    if i < n, b[i] == 58 {
                        i += 1
                        k = 0
                        while i < n, isDigit(b[i]), k < 2 { sec = sec * 10 + Int(b[i] - 48); i += 1; k += 1 }
                        if i < n, b[i] == 46 {
                            i += 1
                            while i < n, isDigit(b[i]) { i += 1 }
                        }
                    }
                    time = (v, m, sec)
                } else { numbers.append((v, i - s)) }
            } else if c == 43 || c == 45, time != nil, i + 1 < n, isDigit(b[i + 1]) {
                let sign = c == 45 ? -1 : 1
                i += 1
                var v = 0
                var k = 0
                while i < n, isDigit(b[i]), k < 4 { v = v * 10 + Int(b[i] - 48); i += 1; k += 1 }
                if i < n, b[i] == 58, k == 2 {
                    i += 1
                    var m = 0
                    while i < n, isDigit(b[i]), k < 4 { m = m * 10 + Int(b[i] - 48); i += 1; k += 1 }
                    v = v * 100 + m
                } else if k <= 2 {
                    v *= 100
                }
                offset = sign * ((v / 100) * 3600 + (v % 100) * 60)
            } else { i += 1 }
        }
        var month: Int?
        var pm: Bool?
        for w in words {
            if month == nil, let m = monthNumber(w) { month = m; continue }
            if w == "am" { pm = false; continue }
            if w == "pm" { pm = true; continue }
            if offset == nil, let z = zoneOffset(w) { offset = z }
        }
        guard let mon = month, !numbers.isEmpty else { return nil }
        var day: Int?
        var year: Int?
        for (v, digits) in numbers {
            if digits >= 3 || v > 31 || (day != nil && year == nil) {
                if year == nil { year = digits <= 2 ? (v < 50 ? 2000 + v : 1900 + v) : v }
            } else if day == nil {
                day = v
            }
        }
        guard let d = day, let y = year else { return nil }
        var (h, m, s) = time ?? (0, 0, 0)
        if let p = pm { if p && h < 12 { h += 12 } else if !p && h == 12 { h = 0 } }
        return make(y, mon, d, h, m, s, 0, offset ?? 0)
    }

    static func monthNumber(_ w: String) -> Int? {
        guard w.utf8.count >= 3 else { return nil }
        switch w.prefix(3) {
        case "jan": return 1
        case "feb": return 2
        case "mar": return 3
        case "apr": return 4
        case "may": return 5
        case "jun": return 6
        case "jul": return 7
        case "aug": return 8
        case "sep": return 9
        case "oct": return 10
        case "nov": return 11
        case "dec": return 12
        default: return nil
        }
    }

    /// Offsets of the zone names RFC 822 allows plus the ones feeds use anyway.
    static func zoneOffset(_ w: String) -> Int? {
        switch w {
        case "z", "ut", "utc", "gmt", "wet": return 0
        case "edt": return -4 * 3600
        case "est", "cdt": return -5 * 3600
        case "cst", "mdt": return -6 * 3600
        case "mst", "pdt": return -7 * 3600
        case "pst", "akdt": return -8 * 3600
        case "akst": return -9 * 3600
        case "hst": return -10 * 3600
        case "bst", "cet", "met", "west": return 3600
        case "cest", "mest", "eet": return 2 * 3600
        case "eest", "msk": return 3 * 3600
        case "ist": return 5 * 3600 + 1800
        case "jst", "kst": return 9 * 3600
        case "aest": return 10 * 3600
        case "aedt": return 11 * 3600
        case "nzst": return 12 * 3600
        case "nzdt": return 13 * 3600
        default:
            guard w.utf8.count == 1, let c = w.utf8.first else { return nil }
            // Military zones: A–I = +1…+9, K–M = +10…+12, N–Y = −1…−12 (J is local time: not a zone).
            switch c {
            case 97...105: return Int(c - 96) * 3600
            case 107...109: return Int(c - 97) * 3600
            case 110...121: return -Int(c - 109) * 3600
            default: return nil
            }
        }
    }

    static func make(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, _ frac: Double, _ offset: Int)
        -> Date?
    {
        guard (1...9999).contains(y), (1...12).contains(mo), (1...31).contains(d), h <= 24, mi <= 59, s <= 60 else {
            return nil
        }
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468
        return Date(timeIntervalSince1970: Double(days * 86400 + h * 3600 + mi * 60 + s - offset) + frac)
    }
}
