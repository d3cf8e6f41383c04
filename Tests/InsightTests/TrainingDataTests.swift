import XCTest

/// Our own labelled messages (Scripts/data, format in its README) that `Scripts/train-learned.py` trains on and
/// `Scripts/eval-sentiment` evaluates with: every line well-formed, enough German material of the kinds the
/// judged German sets hold (issue 22: mostly neutral posts and reports, then negative, then positive), and no
/// message written twice.
final class TrainingDataTests: XCTestCase {
    struct Line {
        let file: String, sentiment: String, intents: String, text: String
    }

    func lines() throws -> [Line] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Scripts/data")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            throw XCTSkip("Scripts/data not found")
        }
        var result: [Line] = []
        for n in names.sorted() where n.hasSuffix(".txt") {
            let s = try String(contentsOf: dir.appendingPathComponent(n), encoding: .utf8)
            for (i, raw) in s.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !raw.isEmpty {
                guard let bar = raw.range(of: " | ") else {
                    XCTFail("\(n):\(i + 1): no \" | \" between labels and text")
                    continue
                }
                let head = raw[..<bar.lowerBound].split(separator: " ")
                guard head.count == 2 else {
                    XCTFail("\(n):\(i + 1): labels are not `SENTIMENT INTENTS`: \(raw)")
                    continue
                }
                result.append(
                    Line(
                        file: n, sentiment: String(head[0]), intents: String(head[1]),
                        text: String(raw[bar.upperBound...])))
            }
        }
        return result
    }

    func testEveryLineIsWellFormed() throws {
        for l in try lines() {
            XCTAssertTrue(["neg", "neu", "pos"].contains(l.sentiment), "\(l.file): sentiment \(l.sentiment)")
            if l.intents != "-" {
                for code in l.intents.split(separator: ",", omittingEmptySubsequences: false) {
                    XCTAssertTrue(
                        code.count == 1 && "qcphbsx".contains(code), "\(l.file): intent \(code) in \(l.intents)")
                }
            }
            XCTAssertFalse(l.text.trimmingCharacters(in: .whitespaces).isEmpty, "\(l.file): empty text")
            XCTAssertFalse(l.text.contains("\t") || l.text.contains("\r"), "\(l.file): tab or CR in \(l.text)")
        }
    }

    func testGermanMaterialOfTheJudgedKinds() throws {
        let all = try lines()
        let german = all.filter { $0.file.hasPrefix("de-") }
        let english = all.filter { $0.file.hasPrefix("en-") }
        XCTAssertGreaterThanOrEqual(german.count, 3_800, "German lines")
        XCTAssertGreaterThanOrEqual(english.count, 1_250, "English lines")
        let count = { (s: String) in german.filter { $0.sentiment == s }.count }
        XCTAssertGreaterThan(count("neu"), count("neg"))
        XCTAssertGreaterThan(count("neg"), count("pos"))
        // Report sentences that use the railway's problem words factually are neutral in our labels too.
        let factual = german.filter {
            $0.sentiment == "neu"
                && ["Verspätung", "Streik", "Ausfall", "Zugausfall"].contains(where: $0.text.contains)
        }
        XCTAssertGreaterThanOrEqual(factual.count, 40, "neutral lines with Verspätung/Streik/Ausfall")
    }

    func testNoMessageIsWrittenTwice() throws {
        var seen: [String: String] = [:]
        for l in try lines() where l.text.count > 12 {
            if let other = seen[l.text] { XCTFail("\(l.file) and \(other) both hold: \(l.text)") }
            seen[l.text] = l.file
        }
    }
}
