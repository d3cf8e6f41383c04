import Foundation
import ScreenKit
import SwitchboardCore

/// How a team.json that does not parse is shown: the banner over the panes and the refusals of writes.
/// The problem text is the reader's error, `/path/team.json: line 3, column 5: why`.
enum TeamProblem {
    /// `team.json does not parse (line 3, column 5)`: for refusals.
    static func short(_ why: String) -> String {
        if let r = why.range(of: #"line \d+, column \d+"#, options: .regularExpression) {
            return L10n.t("msg.teamNoParse") + " (\(why[r]))"
        }
        return L10n.t("msg.teamNoParse")
    }

    /// The banner: where and why, and what it means. One line when it fits `width`, else two.
    static func banner(_ why: String, dataPath: String, onDefaults: Bool, width: Int) -> [String] {
        var detail = why
        if let r = why.range(of: "team.json: ") { detail = String(why[r.upperBound...]) }
        let meaning = L10n.t(onDefaults ? "msg.teamNothingSavedDefaults" : "msg.teamNothingSavedOld")
        let one =
            "⚠ " + L10n.t("msg.teamNoParseAt", ["path": "\(dataPath)/team.json", "detail": detail]) + ": " + meaning
        if TextWidth.width(one) <= width - 1 { return [one] }
        return ["⚠ " + L10n.t("msg.teamNoParse") + ": " + meaning, "  \(dataPath)/team.json: \(detail)"]
    }
}

extension AppState {
    /// The team.json banner's lines (none while team.json parses).
    var bannerLines: [String] {
        guard let why = settings.teamProblem else { return [] }
        return TeamProblem.banner(
            why, dataPath: settings.dataPath, onDefaults: settings.onDefaults, width: chrome.size.width)
    }
}
