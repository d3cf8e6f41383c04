import Foundation
import SwitchboardCore
import XCTest

/// The JSON Lines import format contract (`ImportFormat`, in SwitchboardCore).
final class JSONLImportFormatTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func testFullLine() throws {
        let line =
            #"{"platform":"mastodon","id":"1093","text":"Is Acme down?\nAgain","created_at":"2026-11-26T08:00:00+01:00","url":"https://m.example/@a/1093","author":{"handle":"a@m.example","name":"Ann","url":"https://m.example/@a","followers":1200},"lang":"en","in_reply_to":"1000","thread_root":"990","source":"import","title":"t","extra":{"boosts":3,"tags":["acme"]}}"#
        let m = try ImportFormat.decode(line: line, now: now).get()
        XCTAssertEqual(m.platform, "mastodon")
        XCTAssertEqual(m.id, "1093")
        XCTAssertEqual(m.key, MentionKey.make(platform: "mastodon", id: "1093"))
        XCTAssertEqual(m.text, "Is Acme down?\nAgain")
        XCTAssertEqual(Timestamp.format(m.createdAt), "2026-11-26T07:00:00Z")
        XCTAssertEqual(m.fetchedAt, now)
        XCTAssertEqual(m.url, "https://m.example/@a/1093")
        XCTAssertEqual(
            m.author, Author(handle: "a@m.example", name: "Ann", url: "https://m.example/@a", followers: 1200))
        XCTAssertEqual(m.lang, "en")
        XCTAssertEqual(m.inReplyTo, "1000")
        XCTAssertEqual(m.threadRoot, "990")
        XCTAssertEqual(m.source, "import")
        XCTAssertEqual(m.extra, ["boosts": .number(3), "tags": .array([.string("acme")])])
    }

    func testUnknownFieldsAreKeptInExtra() throws {
        let m = try ImportFormat.decode(
            line:
                #"{"platform":"reddit","id":7,"text":"hi","created_at":"2026-11-26T08:00:00Z","score":42,"nsfw":false,"flair":null,"extra":{"a":"b"}}"#
        ).get()
        XCTAssertEqual(m.id, "7")
        XCTAssertEqual(m.extra, ["score": .number(42), "nsfw": .bool(false), "flair": .null, "a": .string("b")])
    }

    func testRepeatedKeysKeepTheLastAndEveryKnownFieldIsRead() throws {
        // A repeated key: the last one wins (as a dictionary did); a numeric id keeps its digits, a later string id
        // replaces it. Known fields never land in `extra`; an unknown one that looks like one does.
        let line =
            #"{"platform":"x","id":12345678901234567891,"id":"s-2","text":"a","text":"b","created_at":"2026-11-26T08:00:00Z","fetched_at":"2026-11-27T08:00:00Z","url":"u","lang":"de","in_reply_to":"r","thread_root":"t","source":"s","title":"T","author":"@h","reply":{"uri":"at://1","cid":"c"},"v":9,"key":"k","analysis":{},"Text":"kept"}"#
        let m = try ImportFormat.decode(line: line, now: now).get()
        XCTAssertEqual(m.id, "s-2")
        XCTAssertEqual(m.text, "b")
        XCTAssertEqual(Timestamp.format(m.fetchedAt), "2026-11-27T08:00:00Z")
        XCTAssertEqual([m.url, m.lang, m.inReplyTo, m.threadRoot, m.source, m.title], ["u", "de", "r", "t", "s", "T"])
        XCTAssertEqual(m.author?.handle, "h")
        XCTAssertEqual(m.reply?.uri, "at://1")
        XCTAssertEqual(m.reply?.cid, "c")
        XCTAssertEqual(m.extra, ["Text": .string("kept")])
        XCTAssertEqual(m.key, MentionKey.make(platform: "x", id: "s-2"))
        let numeric = try ImportFormat.decode(
            line: #"{"platform":"x","id":"a","id":12345678901234567891,"text":"t","created_at":"2026-11-26T08:00:00Z"}"#
        ).get()
        XCTAssertEqual(numeric.id, "12345678901234567891")
    }

    func testRequiredFieldsAndReasons() {
        let cases: [(String, String)] = [
            (#"{"id":"1","text":"x","created_at":"2026-11-26T08:00:00Z"}"#, "missing required field \"platform\""),
            (#"{"platform":"x","text":"x","created_at":"2026-11-26T08:00:00Z"}"#, "missing required field \"id\""),
            (#"{"platform":"x","id":"1","created_at":"2026-11-26T08:00:00Z"}"#, "missing required field \"text\""),
            (#"{"platform":"x","id":"1","text":"x"}"#, "missing required field \"created_at\""),
            (
                #"{"platform":"X Corp","id":"1","text":"x","created_at":"2026-11-26T08:00:00Z"}"#,
                "\"platform\" must be a lowercase word like \"mastodon\""
            ),
            (
                #"{"platform":"x","id":"1","text":"x","created_at":"last tuesday"}"#,
                "\"created_at\" must be an ISO 8601 date like 2026-11-27T09:30:00Z"
            ),
            (
                #"{"platform":"x","id":true,"text":"x","created_at":"2026-11-26T08:00:00Z"}"#,
                "\"id\" must be a non-empty string or a number"
            ),
            (#"{"platform":"x","id":"1","text":5,"created_at":"2026-11-26T08:00:00Z"}"#, "\"text\" must be a string"),
            (#"["platform"]"#, "not a JSON object"),
            (#"{"platform":"x","id":"1""#, "not JSON"),
        ]
        for (line, reason) in cases {
            switch ImportFormat.decode(line: line) {
            case .success: XCTFail("accepted: \(line)")
            case .failure(let e): XCTAssertEqual(e.description, reason, line)
            }
        }
    }

    func testDecodeAllReportsBadLinesWithLineNumbers() {
        let data = Data(
            ("\u{FEFF}" + """
                {"platform":"x","id":"1","text":"one","created_at":"2026-11-26T08:00:00Z"}

                not json at all
                {"platform":"x","id":"2","text":"two","created_at":"2026-11-26T09:00:00Z"}
                {"platform":"x","id":"3","created_at":"2026-11-26T09:00:00Z"}
                {"platform":"x","id":"4","text":"four","created_at":"2026-11-26T10:00:00Z"}
                """).utf8)
        let r = ImportFormat.decodeAll(data, now: now)
        XCTAssertEqual(r.mentions.map(\.id), ["1", "2", "4"])
        XCTAssertEqual(r.rejects.map(\.line), [3, 5])
        XCTAssertEqual(r.rejects.map(\.reason), ["not JSON", "missing required field \"text\""])
    }

    func testHostileTextIsCleaned() throws {
        let m = try ImportFormat.decode(
            line:
                #"{"platform":"x","id":"1\u001b[2J","text":"hi \u001b]52;c;SGVsbG8=\u0007there\u202e\tnow\nnext","created_at":"2026-11-26T08:00:00Z","author":{"handle":"\u001b[31mevil"}}"#
        ).get()
        XCTAssertEqual(m.id, "1")
        XCTAssertEqual(m.text, "hi there now\nnext")
        XCTAssertEqual(m.author?.handle, "evil")
    }

    func testLargeBatchKeepsOrder() {
        var lines: [String] = []
        for i in 0..<6000 {
            lines.append(
                i % 1000 == 999
                    ? "{bad" : #"{"platform":"x","id":"\#(i)","text":"t","created_at":"2026-11-26T08:00:00Z"}"#)
        }
        let r = ImportFormat.decodeAll(Data(lines.joined(separator: "\n").utf8))
        XCTAssertEqual(r.mentions.count, 5994)
        XCTAssertEqual(r.mentions.first?.id, "0")
        XCTAssertEqual(r.mentions.last?.id, "5998")
        XCTAssertEqual(r.rejects.map(\.line), [1000, 2000, 3000, 4000, 5000, 6000])
    }

    func testJSONGrammarEdgeCases() throws {
        let ok =
            #"{"platform":"x","id":1234567890123456789,"text":"smile \ud83d\ude00 \u00e9\/\"q\" lone \ud800!","created_at":"2026-11-26T08:00:00Z","n":-1.5e3,"deep":[[{"a":[true,false,null]}]]}"#
        let m = try ImportFormat.decode(line: ok).get()
        XCTAssertEqual(m.id, "1234567890123456789")  // digits kept exactly, no Double rounding
        XCTAssertEqual(m.text, "smile 😀 é/\"q\" lone \u{FFFD}!")
        XCTAssertEqual(m.extra?["n"], .number(-1500))
        XCTAssertEqual(
            m.extra?["deep"], .array([.array([.object(["a": .array([.bool(true), .bool(false), .null])])])]))
        let bad = [
            #"{"platform":"x","id":"1","text":"t","created_at":"2026-11-26T08:00:00Z"} trailing"#,
            #"{"platform":"x","id":"1","text":"t","created_at":"2026-11-26T08:00:00Z",}"#,
            #"{"platform":"x","id":"1","text":"bad \q escape","created_at":"2026-11-26T08:00:00Z"}"#,
            "{\"platform\":\"x\",\"id\":\"1\",\"text\":\"raw\ttab\",\"created_at\":\"2026-11-26T08:00:00Z\"}",
            #"{"platform":"x","id":01,"text":"t","created_at":"2026-11-26T08:00:00Z"}"#,
            #"{"platform":'x'}"#,
            "{\"platform\":\"x\",\"a\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
                + "}",
        ]
        for line in bad {
            guard case .failure(let e) = ImportFormat.decode(line: line) else {
                XCTFail("accepted: \(line)")
                continue
            }
            XCTAssertEqual(e.description, "not JSON", line)
        }
    }
}
