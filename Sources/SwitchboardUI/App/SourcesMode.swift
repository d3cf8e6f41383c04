import SwitchboardCore

/// Who polls the team's sources for this data directory, as the workbench shows it (status bar, messages).
public enum SourcesMode: Sendable, Equatable {
    /// This workbench holds the listener lock and polls.
    case polling
    /// Another process (`switchboard listen` or another workbench) holds the lock.
    case listener(pid: Int32)
    /// Nobody polls: the feed only changes through imports.
    case none

    /// The long form, for messages: `sources: this workbench`, `sources: listener pid 1234`, `sources: none`.
    public var text: String {
        switch self {
        case .polling: return L10n.t("sources.long.polling")
        case .listener(let pid): return L10n.t("sources.long.listener", ["pid": String(pid)])
        case .none: return L10n.t("sources.long.none")
        }
    }

    /// The short form the status bar always shows, at every width.
    public var short: String {
        switch self {
        case .polling: return L10n.t("sources.short.polling")
        case .listener: return L10n.t("sources.short.listener")
        case .none: return L10n.t("sources.short.none")
        }
    }
}
