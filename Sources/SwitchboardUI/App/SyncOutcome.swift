import Foundation

/// What one background sync did.
public struct SyncOutcome: Sendable {
    public var at: Date
    /// Why it failed (nil: it worked).
    public var failure: String?
    /// `switchboard sync`'s summary, when something came in or went out.
    public var summary: String?
    /// Documents changed here and on another site (this site's version kept).
    public var conflicts: [String] = []
}
