import Foundation
import XCTest
@testable import SwitchboardCore

final class ReportTests: XCTestCase {
    func testDump() throws {
        let r = try ReportFixture.report(try ReportFixture.store())
        try r.text().write(toFile: "/tmp/rep/text.txt", atomically: true, encoding: .utf8)
        try r.markdown().write(toFile: "/tmp/rep/report.md", atomically: true, encoding: .utf8)
        try r.csv().write(toFile: "/tmp/rep/report.csv", atomically: true, encoding: .utf8)
        try r.json().write(to: URL(fileURLWithPath: "/tmp/rep/report.json"))
        XCTAssertEqual(try Report.decode(try r.json()), r)
    }
}
