import Foundation
import SwitchboardCore

/// Editing and deleting the brand's own posts from the workbench, through the same code as
/// `switchboard post edit|delete` (Listening's `OwnPosts`).
public enum OwnPostOp: Sendable, Equatable {
    /// Checks the mention is one of ours and reads its latest text: answered with `Message.ownPostChecked`.
    case check(key: String, kind: OwnPostChange.Kind, text: String?)
    /// Edits or deletes it on its network, then records `post_edit` / `post_delete` (in the background).
    case apply(OwnPostChange)
}
