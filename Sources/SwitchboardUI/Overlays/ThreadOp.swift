import Foundation
import SwitchboardCore

/// The thread view's work (EffectRunner+Thread.swift).
public enum ThreadOp: Sendable, Equatable {
    /// Fetch the conversation of `key` and merge it with the stored mentions (answered with `threadLoaded`).
    case load(key: String)
    /// Store a post only the network knew, to answer it (answered with `threadStored`).
    case store(Mention)
}
