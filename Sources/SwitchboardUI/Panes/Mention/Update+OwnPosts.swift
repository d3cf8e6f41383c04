import Foundation
import ScreenKit
import SwitchboardCore

/// `E` / `:post-edit [TEXT]` and `D` / `:post-delete` on one of the brand's own posts (the highlighted row, the
/// mention in the composer, or the post selected in the thread view): the network is asked only after a
/// confirmation that shows what changes (old → new text; "delete: …").
extension Update {
    static func postEdit(_ s: inout AppState, _ arg: String) -> [Effect] {
        guard let k = ownPostKey(s) else { say(&s, L10n.t("msg.noSelection")); return [] }
        let text = arg.trimmingCharacters(in: .whitespacesAndNewlines)
        return [.ownPost(.check(key: k, kind: .edit, text: text.isEmpty ? nil : text))]
    }

    static func postDelete(_ s: inout AppState) -> [Effect] {
        guard let k = ownPostKey(s) else { say(&s, L10n.t("msg.noSelection")); return [] }
        return [.ownPost(.check(key: k, kind: .delete, text: nil))]
    }

    /// The post the keys act on: the thread view's selected post when it is stored, else the action key.
    static func ownPostKey(_ s: AppState) -> String? {
        if let k = s.threadView?.selectedMention?.key { return k }
        return s.actionKey
    }

    /// The post is ours: an edit without text opens the command line on its text; else the confirmation.
    static func ownPostChecked(_ s: inout AppState, _ c: OwnPostChange) -> [Effect] {
        if c.kind == .edit, c.new == nil {
            prompt(&s, "post-edit " + sanitizeForScreen(c.old))
            return []
        }
        if c.kind == .edit, c.new == c.old {
            say(&s, L10n.t("post.edit.same", ["key": c.key]), error: true)
            return []
        }
        s.modal = .confirmPost(c)
        return []
    }

    /// y (or j) asks the network; anything else keeps the post as it is.
    static func confirmPostKey(_ s: inout AppState, _ c: OwnPostChange, _ k: Key) -> [Effect] {
        s.modal = nil
        switch k {
        case .char("y"), .char("Y"), .char("j"), .char("J"):
            say(&s, L10n.t("ownpost.asking", ["network": Format.network(c.network)]))
            return [.ownPost(.apply(c))]
        default:
            say(&s, L10n.t("post.kept"))
            return []
        }
    }
}

extension Renderer {
    /// The confirmation: on which network and account, and the old and the new text (or what is deleted).
    mutating func drawPostConfirm(_ c: OwnPostChange) {
        let w = min(s.chrome.size.width - 4, 76) - 3
        var lines: [(String, StyleRole)] = [
            (
                TextWrap.ellipsize(
                    L10n.t(
                        "ownpost.on",
                        ["network": Format.network(c.network), "account": sanitizeForScreen(c.account)]), width: w),
                .accent
            ), ("", .overlay),
        ]
        func add(_ label: String, _ text: String, _ role: StyleRole) {
            for (i, l) in TextWrap.wrap(sanitizeForScreen(label + text, singleLine: false), width: w).enumerated() {
                lines.append(((i == 0 ? "" : "  ") + l, role))
            }
        }
        if c.kind == .delete {
            add(L10n.t("ownpost.delete") + " ", c.old, .error)
        } else {
            add(L10n.t("ownpost.old") + " ", c.old, .dim)
            lines.append(("", .overlay))
            add(L10n.t("ownpost.new") + " ", c.new ?? "", .input)
        }
        lines.append(("", .overlay))
        lines.append((L10n.t("ownpost.versions"), .dim))
        let title = L10n.t(c.kind == .delete ? "ownpost.deleteTitle" : "ownpost.editTitle")
        guard let inner = overlay(title: title, lines: lines.count) else { return }
        drawLines(lines, in: inner)
    }
}
