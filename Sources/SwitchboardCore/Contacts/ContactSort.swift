import Foundation

/// How `contacts list` sorts.
public enum ContactSort: String, CaseIterable, Sendable {
    /// Most followers first.
    case reach
    /// Most mentions first, then the latest.
    case activity
    /// Most negative first (mean sentiment score; contacts without analysed mentions last).
    case sentiment
    /// Most recently seen first.
    case recent
}
