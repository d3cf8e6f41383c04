import Foundation

extension Report {
    /// The volume section's last lines: follows, likes and boosts per network (counted, not stored), and how many
    /// private messages came (their number only).
    func notificationLines() -> [String] {
        var out: [String] = []
        if let n = notifications, !n.isEmpty {
            out += ["", L10n.t("report.notifications")]
            for (network, kinds) in n.sorted(by: { $0.key < $1.key }) {
                let parts = ["follow", "like", "boost", "filtered"].compactMap { k -> String? in
                    guard let c = kinds[k], c > 0 else { return nil }
                    return L10n.t("report.kind." + k, ["n": String(c)])
                }
                if !parts.isEmpty {
                    out.append("  " + Report.cleanName(network) + ": " + parts.joined(separator: " · "))
                }
            }
        }
        if let p = privateMessages, p > 0 { out += ["", L10n.t("report.privateCount", ["count": String(p)])] }
        return out
    }
}
