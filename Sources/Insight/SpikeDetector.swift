import Foundation
import SwitchboardCore

/// Detects a rise in mentions per hour: the last hour against the mean of the previous 24 hours, and, when data
/// that old exists, against the same hour a week earlier. A spike needs at least `minCount` mentions and
/// `sensitivity` × every available baseline (a baseline counts as at least 1 per hour). Negative mentions are
/// checked first; a kind that alerted stays quiet for `cooldown`. Pure: the state goes in and comes out.
public enum SpikeDetector {
    public static func check(
        _ events: [SpikeEvent], now: Date, settings: SpikeSettings = SpikeSettings(),
        state: inout SpikeState
    ) -> SpikeAlert? {
        let hour: TimeInterval = 3600
        let week: TimeInterval = 7 * 24 * hour
        var last = [0, 0]
        var day = [0, 0]
        var weekAgo = [0, 0]
        var oldest = now
        for e in events {
            let age = now.timeIntervalSince(e.at)
            if e.at < oldest { oldest = e.at }
            guard age >= 0 else { continue }
            let neg = e.negative ? 1 : 0
            if age < hour {
                last[0] += 1
                last[1] += neg
            } else if age < 25 * hour {
                day[0] += 1
                day[1] += neg
            } else if age >= week && age < week + hour {
                weekAgo[0] += 1
                weekAgo[1] += neg
            }
        }
        let haveWeek = now.timeIntervalSince(oldest) >= week
        for (k, kind) in [(1, SpikeAlert.Kind.negative), (0, SpikeAlert.Kind.all)] {
            let minCount = kind == .all ? settings.minCount : max(3, settings.minCount / 2)
            let count = last[k]
            guard count >= minCount else { continue }
            let dayBase = Double(day[k]) / 24
            let weekBase: Double? = haveWeek ? Double(weekAgo[k]) : nil
            let base = max(dayBase, weekBase ?? 0, 1)
            let ratio = Double(count) / base
            guard ratio >= settings.sensitivity else { continue }
            if let t = state.lastAlert[kind.rawValue], now.timeIntervalSince(t) < settings.cooldown { continue }
            state.lastAlert[kind.rawValue] = now
            let what = kind == .negative ? "negative mentions" : "mentions"
            let message =
                "\(what) ×\(formatRatio(ratio)) in the last hour (\(count) against \(String(format: "%.1f", base)) "
                + "per hour)"
            return SpikeAlert(
                kind: kind, count: count, baseline: base, ratio: ratio, dayBaseline: dayBase,
                weekBaseline: weekBase, at: now, message: message)
        }
        return nil
    }

    /// The same over stored mentions; posts by the brand's own accounts (`own`) are not counted.
    public static func check(
        mentions: [Mention], now: Date, settings: SpikeSettings = SpikeSettings(), own: OwnAccounts = OwnAccounts(),
        state: inout SpikeState
    ) -> SpikeAlert? {
        check(mentions.filter { !own.contains($0) }.map(SpikeEvent.init), now: now, settings: settings, state: &state)
    }

    static func formatRatio(_ r: Double) -> String {
        r >= 10
            ? String(Int(r.rounded()))
            : (r * 10).rounded() == (r.rounded() * 10) ? String(Int(r.rounded())) : String(format: "%.1f", r)
    }
}
