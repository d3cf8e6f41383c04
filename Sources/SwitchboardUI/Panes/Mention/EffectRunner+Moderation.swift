import Foundation
import Listening
import SwitchboardCore

extension EffectRunner {
    func performModeration(_ op: ModerationOp) -> [Message] {
        guard let moderatorFor else { return [.failed(L10n.t("msg.moderationNeedsSources"))] }
        switch op {
        case .choices(let key):
            guard let m = store.mention(key) else { return [.failed(L10n.t("moderation.noMention", ["key": key]))] }
            if store.state(key).moderated == .delete { return [.failed(ModerationError.deleted(key: key).description)] }
            do {
                let kinds = try Moderation.offered(m, moderatorFor: moderatorFor)
                if kinds.isEmpty {
                    return [.failed(L10n.t("moderation.none", ["network": Moderation.networkName(m.platform)]))]
                }
                return [.moderationChoices(key: key, kinds: kinds)]
            } catch { return [.failed("\(error)")] }
        case .apply(let key, let kind, let reason, let label):
            let (store, actor, now) = (self.store, self.actor, clock())
            background.start {
                do {
                    try await Moderation.perform(
                        store: store, key: key, kind: kind, reason: reason, actor: actor, moderatorFor: moderatorFor,
                        now: now)
                    return [
                        .moderated(
                            L10n.t("moderation.done." + kind.rawValue) + ": \(label)"
                                + (reason.map { " (\($0))" } ?? ""), ok: true)
                    ]
                } catch {
                    return [
                        .moderated(
                            L10n.t(
                                "moderation.failed",
                                [
                                    "done": L10n.t("moderation.done." + kind.rawValue), "label": label,
                                    "error": "\(error)",
                                ]),
                            ok: false)
                    ]
                }
            }
            return []
        }
    }
}
