import Foundation

/// An image or video to attach, from a local path, with its alt text (nil = none given: pre-flight warns).
public struct QueueMedia: Codable, Hashable, Sendable {
    public var path: String
    public var alt: String?
    public init(path: String, alt: String? = nil) { (self.path, self.alt) = (path, alt) }
}
