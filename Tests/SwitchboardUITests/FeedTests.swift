import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

final class FeedTests: XCTestCase {
    func testNewMentionsKeepSelectionAndScrollPosition() throws {
        let app = try TestApp(Fixtures.many(60), size: Size(width: 100, height: 30))
        app.sideBySide()
        // 26 rows visible; move well down so the view scrolls.
        for _ in 0..<40 { app.press("j") }
        let key = app.state.feed.selectedKey
        let top = app.state.feed.scrollTop
        let screenBefore = app.screen
        XCTAssertGreaterThan(top, 0)
        XCTAssertTrue(screenBefore[26].contains("mention number 40"), app.dump())

        try app.ingest([
            mention("fresh1", "brand new one", author: "zed", minutesAgo: 0.5),
            mention("fresh2", "another new one", author: "zoe", minutesAgo: 0.2),
        ])
        XCTAssertEqual(app.state.feed.selectedKey, key)
        // Same mention on the same screen row, same lines around it.
        XCTAssertEqual(app.state.feed.selected - app.state.feed.scrollTop, 40 - top)
        XCTAssertEqual(
            Array(app.screen[1..<27]).map { String($0.prefix(55)) },
            Array(screenBefore[1..<27]).map { String($0.prefix(55)) }.map {
                $0.replacingOccurrences(of: "Feed — 60", with: "Feed — 62 · 2 unread")
            })
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 62 · 2 unread "), app.screen[0])
        XCTAssertTrue(app.screen[28].hasSuffix(" 2 new mentions"), app.screen[28])
        // At the top, the new ones come into view; looking at them clears "new".
        app.press("g")
        XCTAssertTrue(app.screen[1].contains("another new one"), app.dump())
        XCTAssertEqual(app.buffer[10, 1].role, .selected)
        XCTAssertEqual(app.buffer[10, 2].role, .feedNew)
        XCTAssertEqual(app.buffer[40, 2].role, .feedNew)
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 62 · 1 unread "), app.screen[0])
    }

    func testNewMentionsAppearAtTheTopWhenTheViewIsAtTheTop() throws {
        let app = try TestApp(Fixtures.many(5), size: Size(width: 100, height: 30))
        app.press("j")
        let key = app.state.feed.selectedKey
        try app.ingest([mention("n", "hot off the press", author: "x", minutesAgo: 0)])
        XCTAssertTrue(app.screen[1].contains("hot off the press"), app.dump())
        XCTAssertEqual(app.state.feed.selectedKey, key)
        XCTAssertEqual(app.state.feed.selected, 2)
    }

    func testWideCharactersStayAligned() throws {
        let app = try TestApp(
            [
                mention("a", "Grüße aus München, ß und Umlaute äöü", author: "jürgen", minutesAgo: 1),
                mention("b", "日本語のテキストがここにあります。とても長い文章です。日本語のテキストがここにあります。", author: "山田太郎", minutesAgo: 2),
                mention("c", "Emoji 🎉🚀👍🏽 and a family 👨‍👩‍👧 here", author: "emoji😀", minutesAgo: 3),
                mention("d", "e\u{301}cole combining accent", author: "plain", minutesAgo: 4),
            ], size: Size(width: 100, height: 30))
        app.sideBySide()
        let b = app.buffer
        for y in 1...4 {
            // Every wide character is followed by its right half, the frame lines up, and columns start at the same place.
            for x in 0..<99 where TextWidth.width(b[x, y].text) == 2 {
                XCTAssertTrue(b[x + 1, y].isContinuation, "row \(y) col \(x)")
            }
            XCTAssertEqual(b[54, y].text, "│", "row \(y): \(app.screen[y])")
            XCTAssertEqual(b[0, y].text, "│")
            XCTAssertEqual(b[23, y].text, "n", "row \(y): \(app.screen[y])")
        }
        XCTAssertEqual(
            app.screen[1],
            "│ 1m M jürgen          new  due 59m Grüße aus München,││ No mention open: select one in the feed   │")
        XCTAssertEqual(
            app.screen[2], "│ 2m M 山田太郎        new  due 58m 日本語のテキストが││ and press Enter.                          │")
        XCTAssertTrue(b[53, 2].isContinuation)
        XCTAssertTrue(app.screen[3].contains("Emoji 🎉🚀👍🏽 and a"), app.screen[3])
        XCTAssertTrue(app.screen[4].contains("e\u{301}cole combining"), app.screen[4])
    }

    func testRedditAndRSSHaveTheirOwnNetworkLetters() throws {
        let app = try TestApp(
            [
                mention(
                    "t1_c3", "Bei uns hängt die Synchronisierung bei 99 %", author: "matthias_k", platform: "reddit"),
                mention("feed-1", "Acme Cloud im Test", author: "Netzrundschau", minutesAgo: 2, platform: "rss"),
            ], size: Size(width: 100, height: 30))
        app.sideBySide()
        XCTAssertTrue(app.screen[1].hasPrefix("│ 1m r matthias_k      new "), app.screen[1])
        XCTAssertTrue(app.screen[2].hasPrefix("│ 2m R Netzrundscha    new "), app.screen[2])
        app.press("Enter")
        XCTAssertTrue(app.screen.contains { $0.contains("│ Reddit · ") }, app.dump())
    }

    func testHostileTextNeverReachesACell() throws {
        let hostile = [
            "clear\u{1B}[2J\u{1B}[H screen",
            "osc52 \u{1B}]52;c;ZXZpbA==\u{07} clipboard",
            "link \u{1B}]8;;http://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\ here",
            "dcs \u{1B}P1$qm\u{1B}\\ string",
            "c1 \u{9B}31m csi and \u{9D}0;title\u{9C} osc",
            "bidi \u{202E}txet desrever\u{202C} \u{2066}iso\u{2069}",
            "bell\u{07} backspace\u{08} del\u{7F} nul\u{0} tab\tcr\rlf\nend",
        ]
        var ms = hostile.enumerated().map {
            mention("h\($0.offset)", $0.element, author: "ev\u{1B}[31mil\u{202E}", minutesAgo: Double($0.offset) + 1)
        }
        ms.append(mention("t", "thread root \u{1B}[1m", author: "root", minutesAgo: 30))
        ms[0].threadRoot = ms.last!.id
        ms[0].author?.name = "Name\u{1B}]0;pwned\u{07}"
        ms[0].title = "Title\u{9B}2J"
        // 50 rows: the author card (7 mentions by the same author) sits above the text, the notes stay in view.
        let app = try TestApp(
            ms, size: Size(width: 120, height: 50),
            team: QueueScreenTests.team(),
            files: [
                "playbooks/p.json":
                    #"{"id": "p", "name":"Play\u009b2Jbook", "severity_levels": ["x"], "steps": [{"id": "a", "title": "A", "owner": "lead", "due": "10m", "kind": "action"}]}"#
            ])
        _ = try QueueScreenTests.add(app, "q \u{1B}[5m blink\u{202E}", at: "2026-11-27T13:00:00Z")
        try app.store.record([.note(mention: ms[0].key, text: "note \u{1B}]52;c;eA==\u{07} ok")], actor: "bob")
        app.send(.storeChanged(app.runner.delta()))
        app.press("<Enter>")
        app.type("typed")
        app.send(.paste("pasted \u{1B}[31mred\u{1B}[0m\r\nline two\u{202E}"))
        var screens = [app.buffer]
        for _ in 0..<hostile.count {
            app.press("<Esc> j <Enter>")
            screens.append(app.buffer)
        }
        app.press("<Esc> ?")
        screens.append(app.buffer)
        for b in screens {
            for cell in b.cells {
                for u in cell.text.unicodeScalars {
                    let v = u.value
                    XCTAssertFalse(
                        v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v),
                        "control U+\(String(v, radix: 16)) in a cell")
                    XCTAssertFalse(
                        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F,
                        "bidi control in a cell")
                }
            }
        }
        let all = screens.flatMap(\.lines).joined(separator: "\n")
        XCTAssertTrue(all.contains("clear screen"), all)
        XCTAssertTrue(all.contains("osc52  clipboard"))
        XCTAssertTrue(all.contains("link click here"), all)
        XCTAssertTrue(all.contains("txet desrever"))
        XCTAssertTrue(all.contains("Fri 27 13:00 scheduled"), all)
        XCTAssertTrue(all.contains("Playbook"))
        XCTAssertTrue(all.contains(" ago: note  ok"), all)
        XCTAssertTrue(all.contains("@evil (Name)"), all)
        XCTAssertFalse(all.contains("pwned"))
        XCTAssertFalse(all.contains("ZXZpbA"))
        XCTAssertTrue(all.contains("pasted red"), all)
    }

    func testStatusKeysRecordActionsInTheStore() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        app.sideBySide()
        let key = app.state.feed.selectedKey!
        app.press("<Enter> <Esc> a")
        XCTAssertEqual(app.store.state(key).status, .answered)
        XCTAssertEqual(app.store.events.last?.actor, "alice")
        XCTAssertTrue(app.screen[1].contains(" done "), app.screen[1])
        XCTAssertTrue(app.screen[4].contains("status: answered"), app.screen[4])
        XCTAssertTrue(app.screen[28].contains("2 new · 2 open"), app.screen[28])
        app.press("j e")
        XCTAssertEqual(app.store.state(app.state.feed.selectedKey!).status, .escalated)
        XCTAssertTrue(app.screen[2].contains(" esc "), app.screen[2])
        // The same from the command line.
        app.press(":")
        app.type("status spam")
        app.press("<Enter>")
        XCTAssertEqual(app.store.state(app.state.feed.selectedKey!).status, .spam)
        // Another process's action shows up on refresh.
        let other = try Store(dir: app.dir)
        try other.record([.setStatus(mention: key, status: .ignored)], actor: "bob")
        app.send(.storeChanged(app.runner.delta(try app.store.refresh())))
        XCTAssertTrue(app.screen[1].contains(" ign "), app.screen[1])
    }

    func testSortByPriorityAndBack() throws {
        let app = try TestApp(
            [
                mention("calm", "nice day", author: "a", minutesAgo: 1, sentiment: .positive, intents: [.praise]),
                mention(
                    "angry", "this is broken, why?", author: "b", minutesAgo: 20, sentiment: .negative,
                    intents: [.complaint, .question], followers: 50_000),
                mention("meh", "ok", author: "c", minutesAgo: 5),
            ], size: Size(width: 100, height: 30))
        XCTAssertTrue(app.screen[1].contains("nice day"))
        app.press("o")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 3 · by priority "), app.screen[0])
        XCTAssertTrue(app.screen[1].contains("this is broken"), app.dump())
        // The selection stays on its mention.
        XCTAssertEqual(app.state.feed.selectedKey, MentionKey.make(platform: "mastodon", id: "calm"))
        app.press("o")
        XCTAssertTrue(app.screen[1].contains("nice day"))
        // Answered work sinks when the priority order is made again.
        app.press("g j j a o")
        XCTAssertTrue(app.screen[1].contains("this is broken") == false, app.dump())
        XCTAssertTrue(app.screen[3].contains("this is broken"), app.dump())
    }

    func testFilterAndMute() throws {
        let team = TeamConfig(
            brand: .init(name: "Acme", terms: ["acme"]), mute: .init(authors: ["@spammer"], terms: ["casino"]))
        let app = try TestApp(
            Fixtures.three + [
                mention("s1", "buy followers now", author: "spammer", minutesAgo: 2),
                mention("s2", "best CASINO bonus", author: "other", minutesAgo: 4),
            ], size: Size(width: 100, height: 30), team: team)
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 3 "), app.screen[0])
        XCTAssertFalse(app.screen.joined().contains("casino"))
        app.press("/")
        XCTAssertEqual(app.screen[29], ":filter")
        app.type("order")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 1/3 "), app.screen[0])
        XCTAssertTrue(app.screen[1].contains("Why is my order la"))
        for f in ["is:question", "is:negative", "net:bluesky", "status:new", "net:rss"] {
            app.press(":")
            app.type("filter " + f)
            app.press("<Enter>")
            XCTAssertEqual(
                app.state.feed.rows.count,
                ["is:question": 1, "is:negative": 1, "net:bluesky": 1, "status:new": 3, "net:rss": 1][f], f)
        }
        app.press(":")
        app.type("filter status:answered")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[1].contains("Nothing matches the filter."))
        app.press("<Esc>")
        XCTAssertNil(app.state.feed.filter)
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 3 "))
    }

    func testEmptyStore() throws {
        let app = try TestApp([], size: Size(width: 100, height: 30))
        XCTAssertEqual(
            app.screen[1],
            "│ No mentions yet.                                                                                 │")
        app.press("j k G g <Enter> a")
        XCTAssertNil(app.state.feed.selectedKey)
    }

    func testThreadContextAndDetails() throws {
        var reply = mention("r1", "Same here, no answer yet", author: "cara", minutesAgo: 2, inReplyTo: "root")
        reply.threadRoot = "root"
        let app = try TestApp(
            [
                mention("root", "Is the app down for anyone else?", author: "dan", minutesAgo: 10, followers: 10),
                reply,
                mention("other", "unrelated", author: "eve", minutesAgo: 1),
            ], size: Size(width: 120, height: 40))
        app.press("j <Enter>")
        let text = app.screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("Thread (1):"), app.dump())
        XCTAssertTrue(text.contains("10m @dan: Is the app down for anyone else?"), app.dump())
        app.press("<Esc> j <Enter>")
        XCTAssertTrue(app.screen.joined(separator: "\n").contains("2m @cara: Same here"), app.dump())
        // A reply arriving later joins the thread.
        var late = mention("r2", "Still down", author: "fay", minutesAgo: 0.5, inReplyTo: "root")
        late.threadRoot = "root"
        try app.ingest([late])
        app.press("<Esc> k <Enter> <Esc> j <Enter>")
        XCTAssertTrue(app.screen.joined(separator: "\n").contains("Thread (2):"), app.dump())
    }
}
