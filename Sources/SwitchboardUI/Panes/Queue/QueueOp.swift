import Foundation
import SwitchboardCore

/// A change to the content queue, performed by the EffectRunner through `Queue.*` (every change is an action in the
/// log).
public enum QueueOp: Sendable, Equatable {
    /// Run the pre-flight checks on a new post; answers `.queueChecked` (nothing is stored yet). `accounts`: the
    /// target accounts (source ids) picked, nil for every enabled Mastodon and Bluesky source.
    case check(text: String, when: QueueWhen, accounts: [String]? = nil)
    case add(text: String, when: QueueWhen, accounts: [String]? = nil)
    /// A new post whose links the team's shortener has already shortened (after `add`): stored as it is.
    case addPrepared(QueueDraft)
    /// Run the pre-flight checks on an item before scheduling it at the next free slot; answers `.queueChecked`.
    case checkSchedule(id: String)
    /// A draft quoting a mention, with attribution ("via @handle URL").
    case curate(mention: String, accounts: [String]? = nil)
    case edit(id: String, text: String)
    case nextSlot(id: String)
    case delete(id: String)
    case restore(id: String)
    case duplicate(id: String)
    case swap(String, String)
    case retry(id: String)
    case suspend(reason: String)
    case resume(ResumePolicy)
}

/// The options of `:queue add`: when the post goes out.
enum QueueAddOption: String {
    case now = "--now", nextSlot = "--next-slot", at = "--at"
}

/// When a new post goes out.
public enum QueueWhen: Sendable, Equatable {
    case draft, now, nextSlot
    case at(Date)
}

extension ResumePolicy {
    /// The word `:resume` takes (post-now, next-slot, keep).
    init?(word: String) {
        let words: [String: ResumePolicy] = [
            "post-now": .postNow, "next-slot": .nextSlot, "keep": .keepHolding,
            "keep-holding": .keepHolding,
        ]
        guard let p = words[word] else { return nil }
        self = p
    }
}

extension QueueOp {
    /// The same new post for the accounts picked (`check`, `add` and `curate`; others stay as they are).
    func targeting(_ accounts: [String]) -> QueueOp {
        switch self {
        case .check(let text, let when, _): return .check(text: text, when: when, accounts: accounts)
        case .add(let text, let when, _): return .add(text: text, when: when, accounts: accounts)
        case .curate(let key, _): return .curate(mention: key, accounts: accounts)
        default: return self
        }
    }
}
