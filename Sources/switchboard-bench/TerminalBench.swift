import Foundation
import ScreenKit

/// Terminal-layer figures: sanitiser, text width and wrap throughput, and the cost of rendering a
/// 120×40 frame into a ScreenBuffer and diffing it against the previous one (what NCursesTerminal.present
/// does before ncurses sees a cell). Bytes per keypress are measured end to end under tmux:
/// Scripts/measure-keypress-bytes.
func runTerminalBench() {
    print("\n== terminal (ScreenKit)")
    TextWidth.setupLocale()
    let posts = terminalBenchPosts(10_000)
    let hostile = posts.enumerated().map { i, p in
        i % 2 == 0
            ? "\u{1B}[31m" + p + "\u{1B}]52;c;SGFja2Vk\u{07}\u{202E}x\u{9B}2J"
            : p + "\u{1B}]8;;http://x/\u{1B}\\link\u{1B}]8;;\u{1B}\\"
    }
    let asciiPosts = posts.map { String($0.unicodeScalars.filter(\.isASCII).map(Character.init)) }
    let bytes = posts.reduce(0) { $0 + $1.utf8.count }

    for (name, input) in [
        ("clean ASCII", asciiPosts), ("clean UTF-8 (umlauts, CJK, emoji)", posts), ("hostile", hostile),
    ] {
        let inBytes = input.reduce(0) { $0 + $1.utf8.count }
        var sink = 0
        let t = terminalBenchTime(rounds: 5) { for s in input { sink &+= Sanitizer.line(s).utf8.count } }
        let label = ("sanitize " + name).padding(toLength: 42, withPad: " ", startingAt: 0)
        print(
            label + String(format: "%9.0f texts/s  %7.1f MB/s", Double(input.count) / t, Double(inBytes) / t / 1e6)
                + (sink == 0 ? "!" : ""))
    }

    var widthSink = 0
    let tw = terminalBenchTime(rounds: 5) { for s in posts { widthSink &+= TextWidth.width(s) } }
    print(
        String(
            format: "TextWidth.width (mixed posts)             %9.0f texts/s  %7.1f MB/s", Double(posts.count) / tw,
            Double(bytes) / tw / 1e6))
    let twa = terminalBenchTime(rounds: 5) { for s in asciiPosts { widthSink &+= TextWidth.width(s) } }
    print(String(format: "TextWidth.width (ASCII posts)             %9.0f texts/s", Double(asciiPosts.count) / twa))
    var lineSink = 0
    let tr = terminalBenchTime(rounds: 3) { for s in posts { lineSink &+= TextLayout.wrap(s, width: 60).count } }
    print(String(format: "TextLayout.wrap to 60 cells               %9.0f texts/s", Double(posts.count) / tr))
    let tc = terminalBenchTime(rounds: 3) { for s in posts { lineSink &+= TextLayout.clip(s, width: 70).utf8.count } }
    print(String(format: "TextLayout.clip to 70 cells               %9.0f texts/s", Double(posts.count) / tc))

    // A feed-like frame: 38 rows of clipped text with roles, a border, a status bar; then one row moves.
    let size = Size(width: 120, height: 40)
    func frame(selected: Int) -> ScreenBuffer {
        var b = ScreenBuffer(size: size)
        b.put("┌" + String(repeating: "─", count: 118) + "┐", x: 0, y: 0, role: .border)
        for y in 1..<39 {
            let post = posts[y * 7 % posts.count]
            b.put("│", x: 0, y: y, role: .border)
            let clip = Rect(x: 1, y: y, width: 118, height: 1)
            var x = b.put("3m  mastodon  @user\(y)  ", x: 1, y: y, role: .dim, clip: clip)
            x = b.put("● ", x: x, y: y, role: .negative, clip: clip)
            b.put(Sanitizer.line(post), x: x, y: y, role: .normal, clip: clip)
            if y == selected { b.setRole(clip, .selected) }
            b.put("│", x: 119, y: y, role: .border)
        }
        b.put(TextLayout.pad(" ~/data · 12 new · 3 open", width: 120), x: 0, y: 39, role: .statusBar)
        return b
    }
    var previous = frame(selected: 1)
    var changed = 0
    var n = 0
    let tf = terminalBenchTime(rounds: 200) {
        n += 1
        let next = frame(selected: 1 + n % 38)
        changed = terminalBenchDiff(previous, next)
        previous = next
    }
    let a = frame(selected: 5)
    let b2 = frame(selected: 6)
    let td = terminalBenchTime(rounds: 2000) { changed = terminalBenchDiff(a, b2) }
    print(String(format: "render 120x40 frame (38 feed rows)        %9.1f µs/frame", tf * 1e6))
    print(
        String(
            format: "diff 120x40 against the previous frame    %9.1f µs/frame (%d cells changed on a j)", td * 1e6,
            changed))
    if widthSink == 0 || lineSink == 0 { print("(sink)") }
}

/// Cells that differ (what present() sends to ncurses).
private func terminalBenchDiff(_ a: ScreenBuffer, _ b: ScreenBuffer) -> Int {
    var n = 0
    a.cells.withUnsafeBufferPointer { pa in
        b.cells.withUnsafeBufferPointer { pb in
            for i in 0..<min(pa.count, pb.count) where pa[i] != pb[i] { n += 1 }
        }
    }
    return n
}

/// Seconds per round (the best of `rounds` runs after one warm-up).
private func terminalBenchTime(rounds: Int, _ body: () -> Void) -> Double {
    body()
    var best = Double.infinity
    let clock = ContinuousClock()
    for _ in 0..<rounds {
        let d = clock.measure(body)
        best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }
    return best
}

/// Synthetic social-media posts: German, English, CJK, emoji, URLs, ~60–280 characters.
private func terminalBenchPosts(_ count: Int) -> [String] {
    let parts = [
        "Grüße aus München!", "Die Bahn ist schon wieder zu spät 😤", "Great support today, thanks @brand 👍",
        "東京駅で遅延が発生しています", "Why is my order #4711 still not shipped?", "Übermäßig lange Wartezeit…",
        "https://example.org/some/long/path?q=1", "🇩🇪 👨‍👩‍👧 ❤️", "Straße gesperrt, Umleitung über die Äußere Ringstraße",
        "#fail #help", "café naïve résumé",
    ]
    var rng = SystemRandomNumberGenerator()
    return (0..<count).map { _ in
        var s = ""
        let k = Int.random(in: 3...9, using: &rng)
        for _ in 0..<k { s += parts.randomElement(using: &rng)! + " " }
        return s
    }
}
