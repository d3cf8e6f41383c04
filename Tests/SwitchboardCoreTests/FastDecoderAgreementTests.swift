import Foundation
import XCTest

@testable import SwitchboardCore

/// Inputs on which the fast record scanner once disagreed with JSONDecoder (found by `Scripts/fuzz record`):
/// it must decline whatever JSONDecoder rejects, so the Store and `doctor` see the same line the same way.
final class FastDecoderAgreementTests: XCTestCase {
    let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .switchboard
        return d
    }()

    func assertBothReject(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertThrowsError(
            try decoder.decode(Mention.self, from: Data(bytes)), "JSONDecoder accepts \(text)", file: file, line: line)
        XCTAssertThrowsError(
            try decoder.decode(AuditEvent.self, from: Data(bytes)), "JSONDecoder accepts \(text)", file: file,
            line: line)
        XCTAssertNil(
            bytes.withUnsafeBufferPointer { Mention.fastDecode($0) }, "fast mention decoder accepts \(text)",
            file: file, line: line)
        XCTAssertNil(
            bytes.withUnsafeBufferPointer { AuditEvent.fastDecode($0) }, "fast action decoder accepts \(text)",
            file: file, line: line)
    }

    func testInvalidUTF8InAStringIsDeclinedNotRepaired() {
        let action =
            Array(#"{"v":1,"id":"0123456789abc"#.utf8) + [0xAC, 0xAC, 0xAC]
            + Array(#"def","at":"2026-11-27T09:30:00Z","actor":"ben","type":"claim","mention":"7k2mq3x9ab"}"#.utf8)
        assertBothReject(action)
        let mention =
            Array(#"{"v":1,"key":"abcdefghij","platform":"rss","id":"x","text":"caf"#.utf8) + [0xE9]
            + Array(#"","created_at":"2026-11-27T09:30:00Z","fetched_at":"2026-11-27T09:30:00Z"}"#.utf8)
        assertBothReject(mention)
        let escaped =
            Array(#"{"v":1,"key":"abcdefghij","platform":"rss","id":"x","text":"\n"#.utf8) + [0xFF]
            + Array(#"","created_at":"2026-11-27T09:30:00Z","fetched_at":"2026-11-27T09:30:00Z"}"#.utf8)
        assertBothReject(escaped)
    }

    func testInvalidUTF8InAKeyIsDeclined() {
        let mention =
            Array(
                #"{"v":1,"key":"abcdefghij","platform":"rss","id":"x","text":"t","created_at":"2026-11-27T09:30:00Z","fetched_at":"2026-11-27T09:30:00Z","x"#
                    .utf8)
            + [0xC3] + Array(#"":1}"#.utf8)
        assertBothReject(mention)
    }

    func testNumbersOutsideJSONGrammarAreDeclined() {
        for n in ["+1", "01", "1.", ".5", "1e", "1e+", "-", "--1", "1.5.5", "0x10", "1E+-2"] {
            let line =
                #"{"v":1,"key":"abcdefghij","platform":"rss","id":"x","text":"t","created_at":"2026-11-27T09:30:00Z","fetched_at":"2026-11-27T09:30:00Z","extra":{"n":"#
                + n + "}}"
            assertBothReject(Array(line.utf8))
        }
    }

    func testNumbersInJSONGrammarStillTakeTheFastPath() throws {
        for n in ["0", "-0", "12", "-3.25", "1e3", "2E-2", "0.5e+10"] {
            let line =
                #"{"v":1,"key":"abcdefghij","platform":"rss","id":"x","text":"t","created_at":"2026-11-27T09:30:00Z","fetched_at":"2026-11-27T09:30:00Z","extra":{"n":"#
                + n + "}}"
            let fast = try XCTUnwrap(Array(line.utf8).withUnsafeBufferPointer { Mention.fastDecode($0) }, n)
            XCTAssertEqual(fast, try decoder.decode(Mention.self, from: Data(line.utf8)), n)
        }
    }

    /// JSONDecoder keeps the first of duplicate keys; the fast scanner declines rather than keep the last.
    func testDuplicateKeysAreDeclinedAndJSONDecoderDecides() throws {
        let action =
            #"{"v":1,"id":"0123456789abcdef","at":"2026-11-27T09:30:00.000Z","actor":"anna","type":"status","mention":"7k2mq3x9a6","mention":"7b","status":"answered"}"#
        XCTAssertNil(Array(action.utf8).withUnsafeBufferPointer { AuditEvent.fastDecode($0) })
        let slow = try decoder.decode(AuditEvent.self, from: Data(action.utf8))
        XCTAssertEqual(slow.action, .setStatus(mention: "7k2mq3x9a6", status: .answered))
        let base =
            #"{"v":1,"key":"abcdefghij","platform":"rss","id":"x","text":"t","created_at":"2026-11-27T09:30:00Z","fetched_at":"2026-11-27T09:30:00Z""#
        for dup in [
            #","text":"again"}"#, #","author":{"handle":"a","handle":"b"}}"#, #","extra":{"n":1,"n":2}}"#,
            #","reply":{"uri":"a","uri":null}}"#,
            #","analysis":{"lang":"en","sentiment":"neutral","score":0,"score":1}}"#,
        ] {
            XCTAssertNil(Array((base + dup).utf8).withUnsafeBufferPointer { Mention.fastDecode($0) }, dup)
        }
    }

    /// Found by `Scripts/fuzz jsonl`: `1e999` in an imported line's extra is infinity, and the store's writer wrote
    /// `inf`, a line nobody could read back. JSON has no infinity: it is written as null.
    func testTheStoreWriterNeverWritesANonFiniteNumber() throws {
        var m = Mention(platform: "x", id: "1", text: "t", createdAt: Date(timeIntervalSince1970: 1_795_000_000))
        m.extra = ["big": .number(.infinity), "nan": .number(.nan), "ok": .number(2.5)]
        m.analysis = Analysis(lang: "en", sentiment: .neutral, score: -.infinity, intents: [])
        var w = JSONWriter()
        m.fastEncode(into: &w)
        let back = try decoder.decode(Mention.self, from: Data(w.out))
        XCTAssertEqual(back.extra?["big"], .null)
        XCTAssertEqual(back.extra?["nan"], .null)
        XCTAssertEqual(back.extra?["ok"], .number(2.5))
        XCTAssertEqual(back.analysis?.score, 0)
        let imported = ImportFormat.decodeAll(
            Data(#"{"platform":"x","id":"1","text":"t","created_at":"2026-11-27T09:30:00Z","th":{"f":1201e3080}}"#.utf8)
        )
        let first = try XCTUnwrap(imported.mentions.first)
        var w2 = JSONWriter()
        first.fastEncode(into: &w2)
        XCTAssertNoThrow(try decoder.decode(Mention.self, from: Data(w2.out)), String(decoding: w2.out, as: UTF8.self))
    }
}
