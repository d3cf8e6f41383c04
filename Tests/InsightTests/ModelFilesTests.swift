import Foundation
import XCTest

@testable import Insight

/// The model's `.tsv` files are split by bytes (`ModelFiles.swift`): the lines and fields are exactly what the
/// Character splits gave, for the shipped files and for text where bytes and Characters differ.
final class ModelFilesTests: XCTestCase {
    let awkward = [
        "", "\n", "\n\n\n", "a", "a\n", "\na", "a\n\nb\n", "a\r\nb\r\n", "a\rb\nc", "x\u{301}\ny", "\n\u{301}a\nb",
        "ä\tö ü\n#c\n@bias\t1 2  3\n", "k\t1 \u{301}2 3", "k\t1\u{301} 2", "k\t", "k", "\t1 2", "🙂\t1 2\n",
        "a b\tc\td", "k\t  1  2  ",
    ]

    func testLinesAreTheCharacterSplit() {
        for s in awkward {
            XCTAssertEqual(s.modelLines(), s.split(separator: "\n", omittingEmptySubsequences: true), s.debugDescription)
        }
    }

    func testFieldsAreTheCharacterSplit() {
        for s in awkward {
            let line = Substring(s)
            let old = line.firstIndex(of: "\t").map { (line[..<$0], line[line.index(after: $0)...].split(separator: " ")) }
            let new = line.modelFields()
            XCTAssertEqual(new?.key, old?.0, s.debugDescription)
            XCTAssertEqual(new?.fields, old?.1, s.debugDescription)
        }
    }

    /// Every line and field of every shipped file, both ways.
    func testTheShippedFilesSplitAlike() throws {
        let dir = try XCTUnwrap(InsightModel.resourceDirectory())
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tsv") }
        XCTAssertTrue(names.contains("learned.tsv"))
        for name in names {
            let s = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let lines = s.modelLines()
            XCTAssertEqual(lines, s.split(separator: "\n", omittingEmptySubsequences: true), name)
            for line in lines {
                let new = line.modelFields()
                let tab = line.firstIndex(of: "\t")
                XCTAssertEqual(new?.key, tab.map { line[..<$0] }, name)
                XCTAssertEqual(
                    new?.fields, tab.map { line[line.index(after: $0)...].split(separator: " ") }, "\(name): \(line)")
            }
        }
    }
}
