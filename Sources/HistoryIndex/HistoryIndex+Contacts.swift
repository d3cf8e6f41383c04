import Foundation
import GRDB
import SwitchboardCore

/// One person's part of the contacts fold from the index: their mentions (found through the folded handle,
/// `mention_by_handle` and its tail, and checked against each record's identity key) and the contact book's actions
/// (`contact_*`, read by the offsets the catch-up recorded in `agenda`). `Contacts` over just these gives the person, their roles
/// and their card as the fold over every mention does, reading a few records instead of the history.
extension HistoryIndex {
    /// The `contact_*` actions in the order of the actions logs.
    public func contactEvents() throws -> [AuditEvent] {
        try agendaEvents().filter { if case .contact = $0.action { return true } else { return false } }
    }

    /// Every stored mention whose author's identity (`ContactIdentity.key`) is one of `identities`, in store order,
    /// with its state. `handles`: handles as written besides those the keys give (the mention on screen's).
    public func mentions(
        ofIdentities identities: Set<String>, handles: [String] = []
    ) throws -> [(mention: Mention, state: MentionState)] {
        let folded = HistoryIndex.foldedHandles(ofIdentities: identities, besides: handles)
        guard !folded.isEmpty else { return [] }
        let values = Array(folded)
        let sql = """
            SELECT \(HistoryIndex.recordColumns) FROM mention
            WHERE rowid IN (\(HistoryIndex.handleRows {
                "handle IN (" + Array(repeating: "?", count: values.count).joined(separator: ", ") + ")" }))
            AND present = 1 ORDER BY rowid
            """
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(values + values))
        }
        let reader = LogReader(dir: dir)
        var out: [(mention: Mention, state: MentionState)] = []
        for row in rows {
            let (m, st) = try record(row, reader)
            if let k = ContactIdentity.key(of: m), identities.contains(k) { out.append((m, st)) }
        }
        return out
    }
}
