import Foundation
import SwitchboardCore

/// How the four panes are arranged when the terminal is large enough for all of them (`layout` in the personal
/// config.json, `:layout` in the workbench).
///
/// - `stacked`: the feed across the full width on top, the Mention, Queue and Crisis panes side by side below it.
///   A feed as wide as the terminal scrolls with the terminal's own scroll region (terminals and tmux scroll whole
///   rows only), so a `j` that scrolls the feed sends a few hundred bytes instead of redrawing the panes beside it.
/// - `side`: the feed on the left, the Mention pane over the Queue and Crisis panes on the right.
/// - `auto` (the default): `stacked` below `sideWidth` columns, `side` from there on.
public enum LayoutStyle: String, CaseIterable, Sendable {
    case auto, stacked, side

    /// From this many columns on, `auto` puts the panes beside the feed (it has room enough for both).
    public static let sideWidth = 200

    /// `stacked` or `side`: what this style means at a terminal `width` columns wide.
    public func resolved(width: Int) -> LayoutStyle {
        self == .auto ? (width >= LayoutStyle.sideWidth ? .side : .stacked) : self
    }

    /// Reads `"layout"` from a personal config.json; `.auto` when the file or the key is missing.
    public static func fromConfig(_ file: URL) throws -> LayoutStyle {
        guard FileManager.default.fileExists(atPath: file.path),
            let name = try FileIO.readDocument(PersonalConfig.self, from: file).layout, !name.isEmpty
        else { return .auto }
        guard let style = LayoutStyle(rawValue: name) else {
            throw SwitchboardError(
                L10n.t(
                    "msg.layoutNotOneOf",
                    [
                        "file": file.path, "name": name,
                        "values": LayoutStyle.allCases.map(\.rawValue).joined(separator: ", "),
                    ]))
        }
        return style
    }
}
