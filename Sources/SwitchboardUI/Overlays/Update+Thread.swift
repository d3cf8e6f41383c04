import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// `t` / `:thread`: opens the thread view on the highlighted mention and fetches its conversation.
    static func thread(_ s: inout AppState) -> [Effect] {
        guard let key = s.actionKey else { say(&s, L10n.t("msg.noSelection")); return [] }
        s.threadView = ThreadView(key: key)
        say(&s, L10n.t("thread.fetching"))
        return [.thread(.load(key: key))]
    }

    static func threadLoaded(_ s: inout AppState, key: String, _ c: Conversation, problem: String?) -> [Effect] {
        guard var t = s.threadView, t.key == key else { return [] }
        t.loaded(c, problem: problem)
        s.threadView = t
        let ours = c.posts.filter(\.own).count
        say(
            &s,
            L10n.t(c.posts.count == 1 ? "thread.statusOne" : "thread.status", ["count": c.posts.count])
                + (ours > 0 ? L10n.t("thread.ours", ["count": ours]) : ""))
        return []
    }

    /// A post only the network knew is stored now: the composer opens on it.
    static func threadStored(_ s: inout AppState, key: String) -> [Effect] {
        replyFromThread(&s, key: key)
        return []
    }

    static func replyFromThread(_ s: inout AppState, key: String) {
        s.threadView = nil
        s.mention.opened = key
        s.chrome.focus = .composer
        s.chrome.zoomed = false
    }

    /// Keys while the thread view is open (context `thread`).
    static func threadCommand(_ s: inout AppState, _ command: String) -> [Effect] {
        guard var t = s.threadView else { return [] }
        let c = CommandName(rawValue: command)
        if let m = c?.motion {
            // A page is what the screen shows (worked out only for the page keys).
            let paging = [.pageDown, .pageUp, .halfDown, .halfUp].contains(m)
            let r = Renderer(s: s, buf: ScreenBuffer(size: Size(width: 1, height: 1)))
            t.move(m, page: paging ? r.threadPage(t, up: m == .pageUp || m == .halfUp) : 1)
            s.threadView = t
            return []
        }
        switch c {
        case .back?: s.threadView = nil
        case .fold?:
            if let why = t.toggleFold() { say(&s, why) }
            s.threadView = t
        case .thread?: return [.thread(.load(key: t.key))]
        case .open?:
            guard let p = t.conversation?.posts[safe: t.selected] else { return [] }
            if p.stored { replyFromThread(&s, key: p.mention.key); return [] }
            return [.thread(.store(p.mention))]
        case .help?: s.modal = .help(scroll: 0)
        case .command?: s.modal = .command(CommandLineState())
        case .postEdit?: return postEdit(&s, "")
        case .postDelete?: return postDelete(&s)
        default: break
        }
        return []
    }
}
