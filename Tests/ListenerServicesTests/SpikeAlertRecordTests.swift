import Foundation
import SwitchboardCore
import XCTest

/// `spike_alert` is a typed action that reads and writes the same JSON as the untyped record did.
final class SpikeAlertRecordTests: XCTestCase {
    func testOldRecordsReadTypedAndWriteBackTheSameJSON() throws {
        let line =
            #"{"actor":"switchboard","at":"2026-11-26T10:00:00Z","data":{"baseline":1,"count":30,"#
            + #""kind":"negative","message":"negative mentions ×30 in the last hour (30 against 1.0 per hour)","#
            + #""playbook":"service-outage","ratio":30,"x-note":"kept"},"id":"abc","type":"spike_alert","v":1}"#
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .switchboard
        let e = try decoder.decode(AuditEvent.self, from: Data(line.utf8))
        guard case .spikeAlert(let a) = e.action else { return XCTFail("\(e.action)") }
        XCTAssertEqual(a.kind, "negative")
        XCTAssertEqual(a.count, 30)
        XCTAssertEqual(a.ratio, 30)
        XCTAssertEqual(a.playbook, "service-outage")
        XCTAssertEqual(a.extra, ["x-note": .string("kept")])
        XCTAssertNil(e.action.mention)
        XCTAssertEqual(e.action.typeName, "spike_alert")
        XCTAssertEqual(
            e.action.summary, "spike alert: negative mentions ×30 in the last hour (30 against 1.0 per hour)")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .switchboard
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        XCTAssertEqual(String(decoding: try encoder.encode(e), as: UTF8.self), line)
    }
}
