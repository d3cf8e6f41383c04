import Foundation
import SwitchboardCore

/// `$XDG_CONFIG_HOME/switchboard/config.json`: personal settings of the workbench.
public struct PersonalConfig: Codable, Sendable {
    public var theme: String?
    /// How the panes are arranged: `auto`, `stacked` or `side` (`LayoutStyle`).
    public var layout: String?
    public init(theme: String? = nil, layout: String? = nil) { (self.theme, self.layout) = (theme, layout) }
}
