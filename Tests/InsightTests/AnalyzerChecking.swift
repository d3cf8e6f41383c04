import SwitchboardCore
import XCTest

@testable import Insight

/// The named-text checks the insight suites share: every text analysed, a failure names the text and what it became.
protocol AnalyzerChecking {
    var a: Analyzer { get }
}

extension AnalyzerChecking {
    func check(
        _ texts: [String], file: StaticString = #filePath, line: UInt = #line,
        _ expect: (Analysis) -> Bool
    ) {
        for t in texts {
            let r = a.analyze(t)
            XCTAssertTrue(
                expect(r), "\(t) → \(r.sentiment.rawValue) \(r.intents.map(\.rawValue))", file: file, line: line)
        }
    }
}
