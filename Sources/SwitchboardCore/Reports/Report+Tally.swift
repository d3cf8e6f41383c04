import Foundation

extension Report {
    /// The counters of the report's pass over the mentions (current period and the one before).
    struct Tally {
        var total = 0, previousTotal = 0
        var perBucket: [Int]
        /// Networks by index (`network(_:)`): raw platform names as stored, their display names, counts.
        var rawNetworks: [String] = [], rawToNetwork: [Int] = [], networkNames: [String] = []
        var networkTotal: [Int] = [], networkPrevious: [Int] = [], networkBuckets: [[Int]] = []
        var sentiment: [Int] = [0, 0, 0], previousSentiment: [Int] = [0, 0, 0]
        var positiveBucket: [Int], negativeBucket: [Int], analysedBucket: [Int]
        var brand = 0, previousBrand = 0
        var rivals: [Int], previousRivals: [Int]
        var terms: [String: (current: Int, previous: Int)] = [:]
        var questions = 0, previousQuestions = 0
        /// Seconds from a question to its first response, per period.
        var responseTimes: [Double] = [], previousResponseTimes: [Double] = []
        var slaChecked = 0, answeredLate = 0, overdue = 0

        /// Counts a question (or help request) posted at `t` and, when it was answered by `now`, its response time.
        @inline(__always)
        mutating func question(current: Bool, at t: Date, firstResponse: Date?) {
            if current { questions += 1 } else { previousQuestions += 1 }
            guard let f = firstResponse else { return }
            responseTime(current: current, at: t, firstResponse: f)
        }

        /// An answered question's response time (counted as a question elsewhere).
        @inline(__always)
        mutating func responseTime(current: Bool, at t: Date, firstResponse f: Date) {
            if current {
                responseTimes.append(max(0, f.timeIntervalSince(t)))
            } else {
                previousResponseTimes.append(max(0, f.timeIntervalSince(t)))
            }
        }

        init(buckets: Int, competitors: Int) {
            perBucket = Array(repeating: 0, count: buckets)
            (positiveBucket, negativeBucket, analysedBucket) = (perBucket, perBucket, perBucket)
            rivals = Array(repeating: 0, count: competitors)
            previousRivals = rivals
        }

        /// The index of a platform name (a handful of networks: a linear scan beats hashing).
        @inline(__always)
        mutating func network(_ raw: String) -> Int {
            for i in rawNetworks.indices where rawNetworks[i] == raw { return rawToNetwork[i] }
            let name = Report.cleanName(raw)
            var n = networkNames.firstIndex(of: name) ?? -1
            if n < 0 {
                networkNames.append(name)
                networkTotal.append(0)
                networkPrevious.append(0)
                networkBuckets.append(Array(repeating: 0, count: perBucket.count))
                n = networkNames.count - 1
            }
            rawNetworks.append(raw)
            rawToNetwork.append(n)
            return n
        }

        mutating func count(network n: Int, bucket: Int, current: Bool, _ k: Int = 1) {
            if current {
                total += k
                perBucket[bucket] += k
                networkTotal[n] += k
                networkBuckets[n][bucket] += k
            } else { previousTotal += k; networkPrevious[n] += k }
        }

        static func index(_ s: Sentiment) -> Int { s == .positive ? 0 : s == .neutral ? 1 : 2 }

        mutating func sentiment(_ s: Sentiment, bucket: Int, current: Bool, _ k: Int = 1) {
            guard current else { previousSentiment[Tally.index(s)] += k; return }
            sentiment[Tally.index(s)] += k
            analysedBucket[bucket] += k
            if s == .positive { positiveBucket[bucket] += k } else if s == .negative { negativeBucket[bucket] += k }
        }

        mutating func voice(brand named: Bool, competitors: [Bool], current: Bool) {
            if named { if current { brand += 1 } else { previousBrand += 1 } }
            for (i, c) in competitors.enumerated() where c {
                if current { rivals[i] += 1 } else { previousRivals[i] += 1 }
            }
        }

        mutating func term(_ t: String, current: Bool) {
            if current { terms[t, default: (0, 0)].current += 1 } else { terms[t, default: (0, 0)].previous += 1 }
        }

        func volume() -> Volume {
            var nets: [NetworkVolume] = []
            for i in networkTotal.indices {
                nets.append(
                    NetworkVolume(
                        network: networkNames[i], total: networkTotal[i], previousTotal: networkPrevious[i],
                        perBucket: networkBuckets[i]))
            }
            nets.sort { a, b in
                if a.total != b.total { return a.total > b.total }
                if a.previousTotal != b.previousTotal { return a.previousTotal > b.previousTotal }
                return a.network < b.network
            }
            return Volume(total: total, previousTotal: previousTotal, perBucket: perBucket, networks: nets)
        }

        func sentimentShares() -> SentimentShares {
            let net: [Double?] = analysedBucket.indices.map { i in
                analysedBucket[i] > 0 ? Double(positiveBucket[i] - negativeBucket[i]) / Double(analysedBucket[i]) : nil
            }
            return SentimentShares(
                analysed: sentiment.reduce(0, +), positive: sentiment[0], neutral: sentiment[1], negative: sentiment[2],
                previousAnalysed: previousSentiment.reduce(0, +), previousPositive: previousSentiment[0],
                previousNeutral: previousSentiment[1], previousNegative: previousSentiment[2],
                analysedPerBucket: analysedBucket, netPerBucket: net)
        }

        func shareOfVoice(brandTerms: [String], names: [String]) -> ShareOfVoice {
            func share(_ a: Int, _ b: Int) -> Double? { a + b > 0 ? Double(a) / Double(a + b) : nil }
            let comps = names.indices.map { i in
                CompetitorVoice(
                    name: names[i], mentions: rivals[i], previousMentions: previousRivals[i],
                    share: share(brand, rivals[i]), previousShare: share(previousBrand, previousRivals[i]))
            }
            return ShareOfVoice(brandTerms: brandTerms, brand: brand, previousBrand: previousBrand, competitors: comps)
        }

        func top(hashtags: Bool, limit: Int, min: Int, excluding excluded: Set<String>) -> [TermCount] {
            terms.filter { $0.value.current >= min && $0.key.hasPrefix("#") == hashtags && !excluded.contains($0.key) }
                .map { TermCount(term: clean($0.key), count: $0.value.current, previousCount: $0.value.previous) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.term < $1.term }
                .prefix(limit).map { $0 }
        }
    }
}
