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
        case .polling: return "sources: this workbench"
        case .listener(let pid): return "sources: listener pid \(pid)"
        case .none: return "sources: none"
        }
    }

    /// The short form the status bar always shows, at every width.
    public var short: String {
        switch self {
        case .polling: return "⟳ polling"
        case .listener: return "listener"
        case .none: return "no sources"
        }
    }
}
