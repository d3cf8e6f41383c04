import Foundation

/// The compiled query: a small tree evaluated per mention.
public indirect enum Node: Hashable, Sendable {
    case all, none
    case and([Node])
    case or([Node])
    case not(Node)
    case intent(Intent)
    case sentiment(Sentiment)
    case status(MentionStatus)
    /// new, open, waiting or escalated.
    case open
    case unassigned, assigned, mine, overdue
    /// Posted by one of the brand's own accounts (`QueryEnvironment.own`).
    case own
    case assignee(String)
    case net(String)
    /// Lower-cased author handle prefix without `@`.
    case from(String)
    case lang(String)
    case tag(String)
    case source(String)
    case role(String)
    case ageBelow(TimeInterval)
    case ageAbove(TimeInterval)
    case since(Date)
    case until(Date)
    /// Folded (lower-case, no diacritics) UTF-8 needle searched in text, title and author.
    case text([UInt8])

    var dependsOnState: Bool {
        switch self {
        case .and(let n), .or(let n): return n.contains { $0.dependsOnState }
        case .not(let n): return n.dependsOnState
        case .status, .open, .unassigned, .assigned, .mine, .overdue, .assignee, .tag: return true
        default: return false
        }
    }

    var dependsOnTime: Bool {
        switch self {
        case .and(let n), .or(let n): return n.contains { $0.dependsOnTime }
        case .not(let n): return n.dependsOnTime
        case .overdue, .ageBelow, .ageAbove: return true
        default: return false
        }
    }
}
