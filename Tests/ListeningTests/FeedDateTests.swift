import Foundation
import SwitchboardCore
import XCTest

@testable import Listening

final class FeedDateTests: XCTestCase {
    func check(_ raw: String, _ expected: String?, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(FeedDate.parse(raw).map(Timestamp.format), expected, raw, file: file, line: line)
    }

    func testRFC822Forms() {
        check("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z")
        check("Thu, 01 Jan 2004 19:48:21 +0200", "2004-01-01T17:48:21Z")
        check("Thu, 01 Jan 2004 19:48:21 -05:30", "2004-01-02T01:18:21Z")
        check("01 Jan 2004 19:48 PDT", "2004-01-02T02:48:00Z")  // no weekday, no seconds
        check("Thu, 1 Jan 04 19:48:21 EST", "2004-01-02T00:48:21Z")  // two-digit year
        check("Thu, 01 Jan 1998 19:48:21 Z", "1998-01-01T19:48:21Z")
        check("thu, 01 jan 2004 19:48:21 ut", "2004-01-01T19:48:21Z")  // lowercase
        check("Thu, 01 January 2004 19:48:21", "2004-01-01T19:48:21Z")  // full month, no zone
        check("Thu,01-Jan-2004 19:48:21 GMT", "2004-01-01T19:48:21Z")  // dashes
        check("Sun Jan  4 16:29:06 PST 2004", "2004-01-05T00:29:06Z")  // asctime order
        check("Thu, 01 Jan 2004 07:48:21 PM GMT", "2004-01-01T19:48:21Z")
        check("Thu, 01 Jan 2004 19:48:21 A", "2004-01-01T18:48:21Z")  // military zone
    }

    func testISO8601AndW3CDTF() {
        check("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z")
        check("2003-12-31T10:14:55.250+01:00", "2003-12-31T09:14:55.250Z")
        check("2003-12-31T10:14:55-0800", "2003-12-31T18:14:55Z")
        check("2003-12-31T10:14Z", "2003-12-31T10:14:00Z")
        check("2003-12-31 10:14:55", "2003-12-31T10:14:55Z")  // space, no zone
        check("2003-12-31t10:14:55z", "2003-12-31T10:14:55Z")  // lowercase
        check("20031231T101455Z", "2003-12-31T10:14:55Z")  // compact
        check("2003-12-31", "2003-12-31T00:00:00Z")
        check("2003-12", "2003-12-01T00:00:00Z")
        check("2003", "2003-01-01T00:00:00Z")
        check("  2003-12-31T10:14:55 EST \n", "2003-12-31T15:14:55Z")
    }

    func testGarbageIsNil() {
        check("", nil)
        check("yesterday", nil)
        check("2003-13-45T99:99:99Z", nil)
        check("Thu, 45 Foo 2004", nil)
    }
}
