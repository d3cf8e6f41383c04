import Foundation
import XCTest

@testable import SwitchboardCore

/// `Report.rankPeople` (the people numbered by the index, names made for the shown ones only) against
/// `rankAuthors(persons(…))` (every account's name made and grouped as a string): random tallies with many ties in
/// score, mentions and followers, accounts of one person written in several cases, with and without `@`, small and
/// large limits.
final class ReportPeopleTests: XCTestCase {
    struct Rng {
        var s: UInt64
        mutating func next() -> UInt64 {
            s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return s >> 33
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    func testRankPeopleEqualsRankAuthors() {
        for seed in 1...40 {
            var rng = Rng(s: UInt64(seed))
            // Accounts: network as stored, handle as written; several spell the same person.
            var accounts: [(platform: String, handle: String)] = []
            let people = 5 + rng.int(60)
            for _ in 0..<(people + rng.int(people * 2)) {
                let p = rng.int(people)
                let platform = p % 2 == 0 ? ["mastodon", "Mastodon"][rng.int(2)] : (p % 4 == 1 ? "bluesky" : "X")
                let base = "user\(p)@example.social"
                let handle = [base, "@" + base, base.uppercased(), "@User\(p)@Example.social"][rng.int(4)]
                if !accounts.contains(where: { $0 == (platform, handle) }) { accounts.append((platform, handle)) }
            }
            var tallies = [Report.AccountTally](repeating: Report.AccountTally(), count: accounts.count)
            var box = RngBox(rng: rng)
            var order: [Int64] = Array(0..<Int64(accounts.count * 4)).shuffled(using: &box)
            for a in tallies.indices where rng.int(8) != 0 {
                for _ in 0..<(1 + rng.int(4)) {
                    tallies[a].add(
                        order: order.removeLast(), sentiment: [nil, .positive, .negative, .neutral][rng.int(4)],
                        followers: rng.int(3) == 0 ? nil : [0, 10, 1000][rng.int(3)])
                }
            }
            // The index's numbers: by `ReportAuthor.id`, in the order first met.
            var number: [String: Int32] = [:]
            let of = accounts.map { a -> Int32 in
                let id = ReportAuthor.id(platform: a.platform, handle: a.handle)
                if let n = number[id] { return n }
                number[id] = Int32(number.count)
                return Int32(number.count - 1)
            }
            var asked = Set<Int>()
            let persons = ReportColumns.Persons(of: of, count: number.count) { a in
                asked.insert(a)
                return accounts[a]
            }
            for limit in [0, 1, 3, 10, 100] {
                asked = []
                let expected = Report.rankAuthors(Report.persons(tallies, accounts), limit: limit)
                let got = Report.rankPeople(tallies, persons, limit: limit)
                XCTAssertEqual(got, expected, "seed \(seed), limit \(limit)")
                if limit == 1 {
                    XCTAssertLessThan(asked.count, max(4, accounts.count), "names made for the shown people only")
                }
            }
        }
    }

    struct RngBox: RandomNumberGenerator {
        var rng: Rng
        mutating func next() -> UInt64 { rng.next() << 31 ^ rng.next() }
    }
}
