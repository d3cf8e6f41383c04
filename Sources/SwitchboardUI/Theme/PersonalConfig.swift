import Foundation
import SwitchboardCore

/// `$XDG_CONFIG_HOME/switchboard/config.json`: personal settings of the workbench.
public struct PersonalConfig: Codable, Sendable {
    public var theme: String?
    public init(theme: String? = nil) { self.theme = theme }
}
