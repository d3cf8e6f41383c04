import Foundation
import XCTest

@testable import SwitchboardCore

final class ResolutionTests: XCTestCase {
    func testDataDirectoryResolutionOrder() {
        let env = ["HOME": "/home/anna", "SWITCHBOARD_HOME": "/srv/sb", "XDG_DATA_HOME": "/x"]
        XCTAssertEqual(DataDirectory.resolve(explicit: "/d", environment: env).root.path, "/d")
        XCTAssertEqual(DataDirectory.resolve(explicit: nil, environment: env).root.path, "/srv/sb")
        XCTAssertEqual(
            DataDirectory.resolve(explicit: nil, environment: ["HOME": "/home/anna", "XDG_DATA_HOME": "/x"]).root.path,
            "/x/switchboard")
        XCTAssertEqual(
            DataDirectory.resolve(explicit: nil, environment: ["HOME": "/home/anna"]).root.path,
            "/home/anna/.local/share/switchboard")
        XCTAssertEqual(
            DataDirectory.resolve(explicit: "~/sb", environment: ["HOME": "/home/anna"]).root.path, "/home/anna/sb")
        XCTAssertEqual(
            DataDirectory.configDirectory(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/c"]).path, "/c/switchboard")
        XCTAssertEqual(DataDirectory.configDirectory(environment: ["HOME": "/h"]).path, "/h/.config/switchboard")
    }

    func testActor() {
        XCTAssertEqual(Actor.current(environment: ["SWITCHBOARD_USER": "anna"]), "anna")
        XCTAssertFalse(Actor.current(environment: [:]).isEmpty)
    }

    func testTimestamps() {
        let d = Timestamp.parse("2026-11-27T03:20:25Z")!
        XCTAssertEqual(Timestamp.format(d), "2026-11-27T03:20:25Z")
        XCTAssertEqual(Timestamp.parse("2026-11-27T04:20:25+01:00"), d)
        XCTAssertEqual(Timestamp.parse("2026-11-27T03:20:25.500Z")!.timeIntervalSince(d), 0.5, accuracy: 1e-6)
        XCTAssertEqual(Timestamp.format(Timestamp.parse("2026-11-27T03:20:25.250Z")!), "2026-11-27T03:20:25.250Z")
        XCTAssertEqual(Timestamp.parse("2026-11-27"), Timestamp.parse("2026-11-27T00:00:00Z"))
        XCTAssertNil(Timestamp.parse("27.11.2026"))
        XCTAssertNil(Timestamp.parse("2026-13-01T00:00:00Z"))
        XCTAssertNil(Timestamp.parse("2026-11-27T03:20:25Zjunk"))
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp.monthKey(d), "2026-11")
    }

    func testDurations() {
        XCTAssertEqual(SourceConfig.parseDuration("90s"), 90)
        XCTAssertEqual(SourceConfig.parseDuration("15m"), 900)
        XCTAssertEqual(SourceConfig.parseDuration("2h"), 7200)
        XCTAssertEqual(SourceConfig.parseDuration("1d"), 86400)
        XCTAssertNil(SourceConfig.parseDuration("soon"))
    }

    func testActionRecordsRoundTripIncludingUnknownTypes() throws {
        let line =
            #"{"v":1,"id":"e1","at":"2026-11-27T03:00:00Z","actor":"anna","type":"queue_suspend","data":{"reason":"outage"}}"#
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .switchboard
        let e = try dec.decode(AuditEvent.self, from: Data(line.utf8))
        XCTAssertEqual(e.action, .other(type: "queue_suspend", mention: nil, data: ["reason": .string("outage")]))
        let enc = JSONEncoder()
        enc.dateEncodingStrategy = .switchboard
        enc.outputFormatting = .sortedKeys
        XCTAssertEqual(
            String(decoding: try enc.encode(e), as: UTF8.self),
            #"{"actor":"anna","at":"2026-11-27T03:00:00Z","data":{"reason":"outage"},"id":"e1","type":"queue_suspend","v":1}"#
        )
    }
}

final class TimestampWriterTests: XCTestCase {
    func testByteWriterMatchesFormat() {
        for s in [
            "2026-11-27T03:20:25Z", "2026-11-27T03:20:25.250Z", "1970-01-01T00:00:00Z", "2000-02-29T23:59:59.999Z",
            "1969-12-31T23:59:59Z",
        ] {
            let d = Timestamp.parse(s)!
            var out: [UInt8] = []
            Timestamp.write(d, into: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), "\"" + Timestamp.format(d) + "\"")
        }
        var w = JSONWriter()
        for v in [0, 7, 10, 12345, -42, Int.max] {
            w.out = []
            w.int(v)
            XCTAssertEqual(String(decoding: w.out, as: UTF8.self), String(v))
        }
    }
}
