import Foundation
import SwitchboardCore

/// One hour's sums as `report_sum` keeps them (`ReportHourSums` with the names' global ids of `report_name`): made
/// beside the hour's rows (`writeReportHours`) from the same columns, read by a report for the hours that lie whole
/// in one bucket of one period.
///
/// Layout (varints unless said): the earliest and latest exact creation time (8-byte doubles, seconds since 2001 as
/// `Date` holds them), then for each group (not private, private): its count, and when not 0 — networks (id, count)…,
/// sentiment positive / neutral / negative, questions, share-of-voice bits (bit, count)…, topic words (id, count)…,
/// answered mentions (time and first response as doubles, a byte: question | band << 1, rowid)…, the open ones'
/// counts by band code (4); then for each group that is not empty its accounts (id, first rowid, mentions, positive,
/// neutral, negative, a byte: followers known, followers)…, last so a report reads them only for the hours it adds
/// (`PeopleSums`).
struct ReportHourSumsBuilder {
    var minTime = Double.infinity, maxTime = -Double.infinity
    var groups = [Group(), Group()]

    struct Group {
        var count = 0
        var networks: [Int64: Int] = [:]
        var sentiment = [0, 0, 0]
        var questions = 0
        var voice = [Int](repeating: 0, count: 64)
        var terms: [Int32: Int] = [:]
        var answered: [(time: Double, first: Double, question: Bool, band: UInt8, rowid: Int64)] = []
        var open = [0, 0, 0, 0]
        var accounts: [Int64: Account] = [:]
    }

    struct Account {
        var first: Int64, mentions = 0, positive = 0, neutral = 0, negative = 0
        var followers: Int?
    }

    /// Adds row i of the columns (`network` and `account`: its names' global ids, -1: no account).
    mutating func add(_ c: ReportColumns, _ i: Int, rowid: Int64, network: Int64, account: Int64, band: UInt8) {
        let t = c.time[i].timeIntervalSinceReferenceDate
        minTime = min(minTime, t)
        maxTime = max(maxTime, t)
        let private_ = c.isPrivate[i]
        var g = groups[private_ ? 1 : 0]
        groups[private_ ? 1 : 0] = Group()
        defer { groups[private_ ? 1 : 0] = g }
        g.count += 1
        g.networks[network, default: 0] += 1
        let s = c.sentiment[i]
        switch s {
        case .positive?: g.sentiment[0] += 1
        case .neutral?: g.sentiment[1] += 1
        case .negative?: g.sentiment[2] += 1
        case nil: break
        }
        if c.question[i] { g.questions += 1 }
        var v = c.voice[i]
        while v != 0 {
            let bit = v.trailingZeroBitCount
            g.voice[bit] += 1
            v &= v - 1
        }
        if !private_ {
            for w in c.terms.start[i]..<c.terms.start[i + 1] { g.terms[c.terms.ids[w], default: 0] += 1 }
        }
        if let f = c.firstResponse[i] {
            g.answered.append((t, f.timeIntervalSinceReferenceDate, c.question[i], band, rowid))
        } else if c.status[i].isOpen {
            g.open[Int(min(band, 3))] += 1
        }
        if account >= 0 {
            var a = g.accounts[account] ?? Account(first: rowid)
            a.first = min(a.first, rowid)
            a.mentions += 1
            switch s {
            case .positive?: a.positive += 1
            case .neutral?: a.neutral += 1
            case .negative?: a.negative += 1
            case nil: break
            }
            if let f = c.followers[i] { a.followers = max(a.followers ?? f, f) }
            g.accounts[account] = a
        }
    }

    func encode() -> [UInt8] {
        var out: [UInt8] = []
        func put(_ v: Int) { ReportHours.put(UInt64(bitPattern: Int64(v)), &out) }
        ReportHours.put(double: minTime.isFinite ? minTime : 0, &out)
        ReportHours.put(double: maxTime.isFinite ? maxTime : 0, &out)
        for g in groups {
            put(g.count)
            guard g.count > 0 else { continue }
            put(g.networks.count)
            for (id, n) in g.networks.sorted(by: { $0.key < $1.key }) {
                put(Int(id))
                put(n)
            }
            for n in g.sentiment { put(n) }
            put(g.questions)
            let bits = g.voice.indices.filter { g.voice[$0] > 0 }
            put(bits.count)
            for b in bits {
                put(b)
                put(g.voice[b])
            }
            put(g.terms.count)
            for (id, n) in g.terms.sorted(by: { $0.key < $1.key }) {
                put(Int(UInt32(bitPattern: id)))
                put(n)
            }
            put(g.answered.count)
            for a in g.answered {
                ReportHours.put(double: a.time, &out)
                ReportHours.put(double: a.first, &out)
                out.append((a.question ? 1 : 0) | a.band << 1)
                put(Int(a.rowid))
            }
            for n in g.open { put(n) }
        }
        for g in groups where g.count > 0 {
            put(g.accounts.count)
            for (id, a) in g.accounts.sorted(by: { $0.key < $1.key }) {
                put(Int(id))
                put(Int(a.first))
                put(a.mentions)
                put(a.positive)
                put(a.neutral)
                put(a.negative)
                if let f = a.followers {
                    out.append(1)
                    put(f)
                } else {
                    out.append(0)
                }
            }
        }
        return out
    }

    /// One hour's sums with the names' global ids (as `Int32`) and where its accounts start; nil when the bytes are
    /// not such sums.
    static func decode(_ p: UnsafeRawBufferPointer) -> (sums: ReportHourSums, accountsAt: Int)? {
        var r = ReportHours.Reader(p: p)
        func int() -> Int { Int(Int64(bitPattern: r.varint())) }
        /// A count of entries to read (never more than the bytes left).
        func n() -> Int { max(0, min(int(), r.p.count - r.at)) }
        var out = ReportHourSums()
        guard p.count >= 16 else { return nil }
        let lo = r.double(), hi = r.double()
        var empty = true
        for k in 0..<2 {
            var g = ReportHourSums.Group()
            g.count = int()
            if g.count > 0 {
                empty = false
                for _ in 0..<n() {
                    let id = int()
                    g.networks.append((Int32(truncatingIfNeeded: id), int()))
                }
                g.sentiment = [int(), int(), int()]
                g.questions = int()
                for _ in 0..<n() {
                    let bit = int()
                    g.voice.append((bit, int()))
                }
                let terms = n()
                g.terms.reserveCapacity(terms)
                for _ in 0..<terms {
                    let id = Int32(bitPattern: UInt32(truncatingIfNeeded: r.varint()))
                    g.terms.append((id, int()))
                }
                for _ in 0..<n() {
                    let time = r.double(), first = r.double()
                    let flags = r.byte()
                    let band = Int(flags >> 1)
                    g.answered.append(
                        ReportHourSums.Answered(
                            time: Date(timeIntervalSinceReferenceDate: time),
                            firstResponse: Date(timeIntervalSinceReferenceDate: first), question: flags & 1 != 0,
                            band: band > 0 && band <= ReportHours.bands.count ? ReportHours.bands[band - 1] : nil,
                            order: Int64(int())))
                }
                for code in 0..<4 {
                    let n = int()
                    if n > 0 { g.open.append((code == 0 ? nil : ReportHours.bands[code - 1], n)) }
                }
            }
            out.groups[k] = g
        }
        guard r.at <= p.count else { return nil }
        if !empty {
            out.minTime = Date(timeIntervalSinceReferenceDate: lo)
            out.maxTime = Date(timeIntervalSinceReferenceDate: hi)
        }
        return (out, r.at)
    }
}

/// The accounts' tallies of the hours a report adds, summed into one entry per account (a flat array by the names'
/// global ids: no dictionary, no string). Also what a block of hours keeps (`ReportBlocks`): the same entries.
struct PeopleSums {
    private var first: [Int64], counts: [SIMD4<Int32>], followers: [Int]
    private(set) var touched: [Int32] = []

    init(ids: Int) {
        first = Array(repeating: -1, count: ids)
        counts = Array(repeating: .zero, count: ids)
        followers = Array(repeating: Int.min, count: ids)
    }

    /// Adds the accounts of the hour `p` (its sums' bytes; `at`: where its accounts start, `groups`: how many of
    /// the hour's two groups are not empty, `hidePrivate`: leave the private messages' out). False when the bytes
    /// are not such accounts.
    mutating func add(_ p: UnsafeRawBufferPointer, at: Int, groups: [Int], hidePrivate: Bool) -> Bool {
        add(p, at: at, groups: groups) { k in k == 0 || !hidePrivate }
    }

    /// The same, adding the groups `take` picks (the others' entries skipped).
    mutating func add(_ p: UnsafeRawBufferPointer, at: Int, groups: [Int], take: (Int) -> Bool) -> Bool {
        var r = ReportHours.Reader(p: p)
        r.at = at
        for (k, count) in groups.enumerated() where count > 0 {
            let n = Int(r.varint())
            guard n <= p.count - r.at else { return false }
            guard take(k) else {
                for _ in 0..<n {
                    for _ in 0..<6 { _ = r.varint() }
                    if r.byte() != 0 { _ = r.varint() }
                }
                continue
            }
            for _ in 0..<n {
                let id = Int(r.varint())
                let f = Int64(bitPattern: r.varint())
                let c = SIMD4<Int32>(
                    Int32(truncatingIfNeeded: r.varint()), Int32(truncatingIfNeeded: r.varint()),
                    Int32(truncatingIfNeeded: r.varint()), Int32(truncatingIfNeeded: r.varint()))
                let hasFollowers = r.byte() != 0
                let followersNow = hasFollowers ? Int(Int64(bitPattern: r.varint())) : Int.min
                guard id < first.count else { return false }
                if first[id] < 0 {
                    touched.append(Int32(id))
                    first[id] = f
                } else if f < first[id] {
                    first[id] = f
                }
                counts[id] &+= c
                if followersNow > followers[id] { followers[id] = followersNow }
            }
        }
        return r.at <= p.count
    }

    /// The entries as an hour's sums keep them (their count, then each by id), and empties the sums.
    mutating func encode(into out: inout [UInt8]) {
        touched.sort()
        ReportHours.put(UInt64(touched.count), &out)
        for id in touched {
            let i = Int(id)
            ReportHours.put(UInt64(i), &out)
            ReportHours.put(UInt64(bitPattern: first[i]), &out)
            for k in 0..<4 { ReportHours.put(UInt64(bitPattern: Int64(counts[i][k])), &out) }
            if followers[i] == Int.min {
                out.append(0)
            } else {
                out.append(1)
                ReportHours.put(UInt64(bitPattern: Int64(followers[i])), &out)
            }
            (first[i], counts[i], followers[i]) = (-1, .zero, Int.min)
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// The summed tallies, the accounts numbered by `local` (global id → the columns' number).
    func accounts(_ local: (Int32) -> Int32) -> [ReportHourSums.Account] {
        touched.map { id in
            let i = Int(id)
            var a = ReportHourSums.Account(account: local(id), first: first[i])
            (a.mentions, a.positive, a.neutral, a.negative) =
                (Int(counts[i][0]), Int(counts[i][1]), Int(counts[i][2]), Int(counts[i][3]))
            a.followers = followers[i] == Int.min ? nil : followers[i]
            return a
        }
    }
}
