import Foundation
import Listening
import SwitchboardCore

extension EffectRunner {
    func performThread(_ op: ThreadOp) -> [Message] {
        switch op {
        case .load(let key):
            let (store, fetchers, own) = (self.store, threadFetcherFor, OwnAccounts(team: team))
            background.start {
                do {
                    let loaded = try await Conversations.load(store: store, key: key, own: own, fetcherFor: fetchers)
                    return [.threadLoaded(key: key, loaded.conversation, problem: loaded.problem)]
                } catch {
                    return [.failed(L10n.t("thread.failed", ["error": "\(error)"]))]
                }
            }
            return []
        case .store(let m):
            do {
                if store.mention(m.key) == nil { try store.ingest([m], now: clock()) }
                return [.threadStored(key: m.key)]
            } catch {
                return [.failed(L10n.t("thread.storeFailed", ["error": "\(error)"]))]
            }
        }
    }
}
