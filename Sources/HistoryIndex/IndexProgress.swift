import Foundation

/// Hears how a rebuild or a long catch-up goes: `done` of `total` log bytes read.
public protocol IndexProgress: AnyObject {
    func started(_ what: String)
    func advanced(done: Int, total: Int)
    func finished(_ summary: String)
}
