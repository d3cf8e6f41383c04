import Foundation
import SwitchboardCore

extension TeamConfig {
    /// The source that acts for a mention of `network` (replies, moderation): the one that found it (`origin`) when it
    /// is of that network, else the first enabled source of the network (`bsky` and `bluesky` are one network).
    func answeringSource(network: String, origin: String?) -> SourceConfig? {
        let net = network.lowercased() == "bsky" ? "bluesky" : network.lowercased()
        func isNet(_ c: SourceConfig) -> Bool {
            let t = c.type.lowercased()
            return t == net || (net == "bluesky" && t == "bsky")
        }
        return sources.first(where: { $0.id == origin && isNet($0) })
            ?? sources.first(where: { $0.isEnabled && isNet($0) })
    }
}
