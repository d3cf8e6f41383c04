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
