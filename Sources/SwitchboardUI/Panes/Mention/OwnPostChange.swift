import Foundation
import SwitchboardCore

/// A change to one of the brand's own posts, shown for confirmation before the network is asked (`E` edits, `D`
/// deletes): what the post reads now and what it will read.
public struct OwnPostChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case edit, delete }
    public var kind: Kind
    /// The mention the post is stored as.
    public var key: String
    public var network: String
    public var account: String
    /// Its latest text (after earlier edits).
    public var old: String
    /// The new text of an edit; nil until typed.
    public var new: String?
}
