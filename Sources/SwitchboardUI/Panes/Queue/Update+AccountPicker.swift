import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// A new post asks for its accounts: with several that can publish, the picker (all ticked); with one, it goes
    /// there; with none, an error says how to add one.
    static func pickAccounts(_ s: inout AppState, _ op: QueueOp) -> [Effect] {
        let choices = AccountPicker.choices(s.settings.team)
        switch choices.count {
        case 0:
            say(&s, AccountPicker.noAccount, error: true)
            return []
        case 1: return [.queue(op.targeting([choices[0].id]))]
        default:
            s.modal = .accounts(AccountPicker(op: op, choices: choices))
            return []
        }
    }

    /// j/k move, Space ticks, `a` ticks all or none, 1–9 tick that account, Enter goes ahead, Esc keeps nothing.
    static func accountPickerKey(_ s: inout AppState, _ p: AccountPicker, _ k: Key) -> [Effect] {
        var p = p
        let n = p.choices.count
        switch k {
        case .escape, .ctrl("c"), .char("q"):
            s.modal = nil
            say(&s, L10n.t("msg.nothingQueued"))
            return []
        case .down, .char("j"), .ctrl("n"), .tab: p.selected = (p.selected + 1) % n
        case .up, .char("k"), .ctrl("p"): p.selected = (p.selected + n - 1) % n
        case .char(" "), .char("x"): p.choices[p.selected].chosen.toggle()
        case .char("a"):
            let all = p.choices.allSatisfy(\.chosen)
            for i in p.choices.indices { p.choices[i].chosen = !all }
        case .char(let c) where c.isNumber:
            if let d = Int(String(c)), d >= 1, d <= n { p.selected = d - 1; p.choices[d - 1].chosen.toggle() }
        case .enter:
            guard !p.chosen.isEmpty else {
                say(&s, L10n.t("msg.pickAccount"), error: true)
                return []
            }
            s.modal = nil
            return [.queue(p.op.targeting(p.chosen))]
        default: break
        }
        s.modal = .accounts(p)
        return []
    }
}
