import SwitchboardCore
import XCTest

@testable import Insight

/// Loading the learned layer (`learned.tsv`): its format, bad lines, and the rules when it is missing.
final class LearnedModelTests: XCTestCase {
    func testParsesBiasThresholdCuesAndFeatures() throws {
        let lines: [Substring] = [
            "@bias\t0.5 -1 0 0 0 0 0 0.25 -0.25", "@threshold\t-1 -0.5 0 0 0 0 0 0 0",
            "@cue.3\t1 2 3 4 5 6 7 8 9", "ff01\t0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9",
            "not-hex\t1 1 1 1 1 1 1 1 1", "abc\t1 2 3", "@cue.99\t1 1 1 1 1 1 1 1 1", "0\t1 1 1 1 1 1 1 1 1",
        ]
        let (m, entries) = try XCTUnwrap(LearnedModel.parse(lines))
        XCTAssertEqual(entries.count, 1, "only the well-formed feature line")
        XCTAssertEqual(entries[0xff01]?[8] ?? 0, 0.9, accuracy: 1e-6)
        XCTAssertEqual(m.bias[0], 0.5)
        XCTAssertEqual(m.bias[8], -0.25)
        XCTAssertEqual(m.threshold[1], -0.5)
        XCTAssertEqual(m.cueWeights[4][3], 5, "row = output, column = cue")
        XCTAssertNil(LearnedModel.parse(["@bias\t1 1 1 1 1 1 1 1 1"]), "no features: no learned layer")
        XCTAssertNil(LearnedModel.parse(["garbage", ""]))
    }

    func testTheCompactTableKeepsEveryWeightWithinHalfAStep() throws {
        var entries: [UInt64: SIMD16<Float>] = [:]
        var seed: UInt64 = 7
        for _ in 0..<5000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            var v = SIMD16<Float>(repeating: 0)
            for o in 0..<9 { v[o] = Float(Int(seed >> (o * 6) & 63) - 31) / 10 }
            v[0] = 0.5  // never all zero
            entries[seed | 1] = v
        }
        let table = LearnedTable(entries, outputs: 9)
        XCTAssertEqual(table.count, entries.count)
        XCTAssertLessThanOrEqual(MemoryLayout<SIMD16<Int8>>.stride * (table.mask + 1), 16 * 16_384)
        for (k, v) in entries {
            let w = try XCTUnwrap(table.view.weights(k))
            for o in 0..<9 { XCTAssertEqual(w[o], v[o], accuracy: table.scale[o] / 2 + 1e-6) }
            XCTAssertEqual(w[9], 0)
        }
        XCTAssertNil(table.view.weights(0x1234_5678_9ABC_DEF0), "an absent key adds nothing")
    }

    /// Keys that share their high bits (as hashed tokens of one word family can) each find their own weights, and
    /// the table answers alike whatever order its entries came in: the analysis of a text must not differ from one
    /// process to the next (it did: `reanalyze` "changed" mentions the same model had just analysed).
    func testKeysAlikeInTheirHighBitsNeverShadowEachOtherInAnyOrder() throws {
        var entries: [UInt64: SIMD16<Float>] = [:]
        for i in 0..<2000 {
            var v = SIMD16<Float>(repeating: 0)
            v[0] = Float(i % 50 + 1) / 10
            v[8] = -Float(i % 7 + 1) / 10
            entries[0xABCD_1234_0000_0000 | UInt64(i * 3 + 1)] = v
        }
        let scale = LearnedTable(entries, outputs: 9).scale
        var seen: [[Int32]]?
        for _ in 0..<4 {
            // A dictionary's order differs per process; rebuilding in another order stands in for that.
            var shuffled: [UInt64: SIMD16<Float>] = [:]
            for (k, v) in entries.shuffled() { shuffled[k] = v }
            let table = LearnedTable(shuffled, outputs: 9)
            var answers: [[Int32]] = []
            for (k, v) in entries.sorted(by: { $0.key < $1.key }) {
                let w = try XCTUnwrap(table.view.weights(k))
                XCTAssertEqual(w[0], v[0], accuracy: scale[0] / 2 + 1e-6, "key \(k) found another key's weights")
                XCTAssertEqual(w[8], v[8], accuracy: scale[8] / 2 + 1e-6)
                answers.append([Int32((w[0] / scale[0]).rounded()), Int32((w[8] / scale[8]).rounded())])
            }
            for absent in 0..<500 {
                XCTAssertNil(table.view.weights(0xABCD_1234_0000_0000 | UInt64(absent * 3 + 2)))
            }
            if let s = seen { XCTAssertEqual(s, answers) } else { seen = answers }
        }
    }

    func testTheShippedLayerLoadsAndDecides() {
        let m = InsightModel.shared
        XCTAssertTrue(m.learned.loaded)
        XCTAssertGreaterThan(m.learnedTable?.count ?? 0, 10_000)
        XCTAssertTrue(m.version.hasPrefix("insight-1+learned-"), m.version)
    }

    func testWithoutTheLearnedLayerTheRulesStillWork() throws {
        let src = try XCTUnwrap(InsightModel.resourceDirectory())
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-rules-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: src, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("learned.tsv"))
        let model = InsightModel(directory: dir)
        XCTAssertFalse(model.learned.loaded)
        XCTAssertEqual(model.version, "insight-1")
        let a = Analyzer(model: model, crisisTerms: [], brandTerms: [])
        let r = a.analyze("Wie kann ich mein Passwort ändern?")
        XCTAssertEqual(r.lang, "de")
        XCTAssertTrue(r.intents.contains(.question))
        XCTAssertEqual(r.model, "insight-1")
        XCTAssertEqual(a.analyze("This is terrible, the worst service ever").sentiment, .negative)
    }
}
