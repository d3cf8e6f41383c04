import Foundation
import XCTest

@testable import SwitchboardCore

/// `Action.moderate` (issue 16): coded like the other actions (JSONDecoder and the fast scanner agree), folded into
/// the mention's state (hidden, deleted…) and shown in its history; a record a version cannot read is kept.
final class ModerationActionTests: XCTestCase {
    func decode(_ data: Data) throws -> AuditEvent {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .switchboard
        return try d.decode(AuditEvent.self, from: data)
    }

    func encode(_ e: AuditEvent) throws -> Data {
        let enc = JSONEncoder()
        enc.dateEncodingStrategy = .switchboard
        enc.outputFormatting = [.sortedKeys]
        return try enc.encode(e)
    }

    func testModerateRoundTripsThroughJSONDecoderAndTheFastScanner() throws {
        let at = Timestamp.parse("2026-11-27T09:30:00.125Z")!
        for action in [
            Action.moderate(mention: "7k2mq3x9ab", kind: .hide, reason: "Beleidigung — „Betrüger“", ban: false),
            .moderate(mention: "7k2mq3x9ab", kind: .reject, reason: nil, ban: true),
            .moderate(mention: "7k2mq3x9ab", kind: .delete, reason: nil, ban: false),
        ] {
            let e = AuditEvent(id: "0123456789abcdef", at: at, actor: "jörg", action: action)
            let data = try encode(e)
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertTrue(text.contains(#""type":"moderate""#), text)
            XCTAssertEqual(try decode(data), e, text)
            let fast = Array(data).withUnsafeBufferPointer { AuditEvent.fastDecode($0) }
            XCTAssertEqual(fast, e, "the fast scanner reads \(text)")
        }
    }

    func testAKindFromANewerVersionIsKeptAsOther() throws {
        let line =
            #"{"v":1,"id":"0123456789abcdef","at":"2026-11-27T09:30:00.000Z","actor":"anna","type":"moderate","mention":"7k2mq3x9ab","kind":"shadowban","reason":"x"}"#
        XCTAssertNil(Array(line.utf8).withUnsafeBufferPointer { AuditEvent.fastDecode($0) })
        let e = try decode(Data(line.utf8))
        guard case .other(let type, let m, _) = e.action else { return XCTFail("\(e.action)") }
        XCTAssertEqual(type, "moderate")
        XCTAssertEqual(m, "7k2mq3x9ab")
    }

    func testTheFoldMarksHiddenThenVisibleThenDeletedForGood() {
        var st = MentionState()
        let t0 = Timestamp.parse("2026-11-27T09:30:00Z")!
        func apply(_ kind: ModerationKind, _ who: String, _ reason: String?, _ minutes: Double) {
            st.apply(
                AuditEvent(
                    at: t0.addingTimeInterval(minutes * 60), actor: who,
                    action: .moderate(mention: "k", kind: kind, reason: reason, ban: false)))
        }
        XCTAssertNil(st.moderated)
        apply(.hide, "alice", "spam", 0)
        XCTAssertEqual(st.moderated, .hide)
        XCTAssertEqual(st.moderation.last?.line, "hidden by alice: spam")
        apply(.unhide, "ben", nil, 1)
        XCTAssertNil(st.moderated)
        apply(.delete, "alice", "Drohung", 2)
        apply(.unhide, "ben", nil, 3)
        XCTAssertEqual(st.moderated, .delete, "nothing brings a deleted comment back")
        XCTAssertEqual(st.lastChangedBy, "ben")
        XCTAssertEqual(
            st.moderation.map(\.line),
            ["hidden by alice: spam", "unhidden by ben", "deleted by alice: Drohung", "unhidden by ben"])
        XCTAssertEqual(
            Action.moderate(mention: "k", kind: .reject, reason: "spam", ban: true).summary,
            "rejected (author banned): spam")
    }

    func testLockIsSeparateFromVisibility() {
        var st = MentionState()
        for k in [ModerationKind.lock, .remove] {
            st.apply(AuditEvent(actor: "mod", action: .moderate(mention: "k", kind: k, reason: nil, ban: false)))
        }
        XCTAssertTrue(st.locked)
        XCTAssertEqual(st.moderated, .remove)
    }
}
