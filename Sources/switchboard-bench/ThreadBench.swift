import Foundation
import ScreenKit
import SwitchboardCore
import SwitchboardUI

/// The thread view of a 500-post conversation (issue 20: it opens in ≤ 100 ms after its fetch): the merge of the
/// fetched and stored posts into a tree, the message that opens the view, and the first frame; then a `j` and a
/// fold with their frames. Registered in main.swift as the section `thread`.
func runThreadBench(posts: Int = 500) {
    print("\nthread view (\(posts)-post conversation)")
    TextWidth.setupLocale()
    let now = Date()
    // A conversation as they grow: a long chain of answers with side branches, our own answers every 7th post.
    let all: [Mention] = (0..<posts).map { i in
        let parent = i == 0 ? nil : (i % 5 == 0 ? "p-\(i / 3)" : "p-\(i - 1)")
        return Mention(
            platform: "mastodon", id: "p-\(i)",
            text: "Antwort \(i): Größe und Geduld — the sync is still slow after the update, any news on the fix?",
            createdAt: now.addingTimeInterval(Double(i - posts) * 60), fetchedAt: now,
            author: Author(handle: i % 7 == 0 ? "acme@social.example" : "user\(i % 40)@social.example"),
            inReplyTo: parent)
    }
    let team: TeamConfig = {
        var t = TeamConfig(brand: .init(name: "Acme", terms: ["acme"]))
        t.extra["contacts"] = .object(["own_accounts": .array([.string("@acme@social.example")])])
        return t
    }()
    let focus = all[posts / 2]
    var state = AppState(
        settings: WorkbenchSettings(dataPath: "~/bench", user: "bench", team: team), size: Size(width: 120, height: 40),
        now: now)
    state.threadView = ThreadView(key: focus.key)
    func ms(_ t: Double) -> String { String(format: "%.1f ms", t * 1000) }
    var runs: [Double] = []
    for _ in 0..<5 {
        var s = state
        let (_, t) = Bench.time { () -> ScreenBuffer in
            let c = Conversation(focus: focus, stored: [], fetched: all, own: OwnAccounts(team: team))
            _ = update(&s, .threadLoaded(key: focus.key, c, problem: nil))
            return render(s)
        }
        runs.append(t)
        state = s
    }
    Bench.row("open: merge into a tree + open the view + first frame", ms(runs.sorted()[2]), "≤ 100 ms after the fetch")
    let (_, tj) = Bench.time { () -> ScreenBuffer in
        _ = update(&state, .key(.char("j")))
        return render(state)
    }
    Bench.row("j: next post + frame", ms(tj), "a key: < 50 ms")
    let (_, tf) = Bench.time { () -> ScreenBuffer in
        _ = update(&state, .key(.char(" ")))
        return render(state)
    }
    Bench.row("Space: fold + frame", ms(tf), "a key: < 50 ms")
}
