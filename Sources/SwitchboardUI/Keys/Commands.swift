import Foundation
import ScreenKit
import SwitchboardCore

/// The command vocabulary of the workbench.
public enum Commands {
    public static let all: [CommandSpec] = CommandName.allCases.map(\.spec)

    public static func spec(_ name: String) -> CommandSpec? { CommandName(rawValue: name)?.spec }

    /// Splits `focus queue` into ("focus", "queue").
    static func split(_ line: String) -> (String, String) {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard let sp = t.firstIndex(of: " ") else { return (t, "") }
        return (String(t[..<sp]), t[t.index(after: sp)...].trimmingCharacters(in: .whitespaces))
    }

    /// Values an argument can take (for completion and validation); nil when free text.
    static func values(_ a: CommandArgument, themes: [String]) -> [String]? {
        switch a {
        case .none: return []
        case .pane: return Pane.allCases.map(\.rawValue)
        case .sortOrder: return SortOrder.allCases.map(\.rawValue)
        case .theme: return themes
        case .layout: return LayoutStyle.allCases.map(\.rawValue)
        case .status: return MentionStatus.allCases.map(\.rawValue)
        case .filter, .view, .crisis, .text, .team, .roles, .media: return nil
        }
    }

    /// Checks a command line (`focus queue`): nil when valid, else what is wrong.
    static func validate(_ line: String, themes: [String]?) -> String? {
        let (name, arg) = split(line)
        guard let spec = spec(name) else { return L10n.t("msg.unknownCommand", ["command": name]) }
        if spec.argument == .none, !arg.isEmpty { return L10n.t("msg.takesNoArgument", ["command": name]) }
        if spec.argumentRequired, arg.isEmpty { return L10n.t("msg.needsArgument", ["command": name]) }
        if !arg.isEmpty, spec.argument != .theme || themes != nil,
            let vals = values(spec.argument, themes: themes ?? []), !vals.contains(arg)
        {
            return L10n.t("msg.notOneOf", ["command": name, "value": arg, "values": vals.joined(separator: ", ")])
        }
        return nil
    }
}
