import Foundation

/// Which identities the contact book groups into one person (the `contact_merge`/`contact_split` actions), for a
/// reader that folds one person's mentions instead of everyone's (a bounded workbench reads them from the index):
/// `Contacts` over the mentions of `members(of:)` gives that person as the fold over every mention does.
public struct ContactMerges: Sendable {
    private let book: ContactBook

    public init(events: [AuditEvent]) { book = ContactBook(events: events) }

    /// Every identity of the contact `identity` belongs to (itself alone when nobody merged it), primary first.
    public func members(of identity: String) -> [String] { book.members(of: book.owner(of: identity)) }
}
