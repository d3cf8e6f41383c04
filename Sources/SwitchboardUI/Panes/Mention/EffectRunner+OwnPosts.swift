import Foundation
import Listening
import SwitchboardCore

extension EffectRunner {
    func performOwnPost(_ op: OwnPostOp) -> [Message] {
        guard let team else { return [.failed(L10n.t("ownpost.needsTeam"))] }
        switch op {
        case .check(let key, let kind, let text):
            do {
                let t = try OwnPosts.target(store: store, key: key, own: OwnAccounts(team: team))
                return [
                    .ownPostChecked(
                        OwnPostChange(
                            kind: kind, key: t.key, network: t.network, account: t.account, old: t.text, new: text))
                ]
            } catch let e as PublishError {
                return [.failed(e.description)]
            } catch { return [.failed("\(error)")] }
        case .apply(let c):
            guard let http = postHTTP else { return [.failed(L10n.t("ownpost.needsNetwork"))] }
            let (store, actor) = (self.store, self.actor)
            let net = Moderation.networkName(c.network)
            background.start {
                do {
                    let t = try OwnPosts.target(store: store, key: c.key, own: OwnAccounts(team: team))
                    if c.kind == .delete {
                        try await OwnPosts.delete(t, store: store, team: team, http: http, actor: actor)
                        return [.moderated(L10n.t("post.delete.done", ["key": c.key, "network": net]), ok: true)]
                    }
                    try await OwnPosts.edit(t, to: c.new ?? "", store: store, team: team, http: http, actor: actor)
                    return [.moderated(L10n.t("post.edit.done", ["key": c.key, "network": net]), ok: true)]
                } catch let e as PublishError {
                    return [.moderated(L10n.t("post.failed", ["key": c.key, "why": e.description]), ok: false)]
                } catch {
                    return [.moderated(L10n.t("post.failed", ["key": c.key, "why": "\(error)"]), ok: false)]
                }
            }
            return []
        }
    }
}
