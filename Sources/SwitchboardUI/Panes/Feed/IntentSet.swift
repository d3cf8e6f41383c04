import Foundation
import SwitchboardCore

/// The intents of a mention as bits (small and fast to test in filters).
public struct IntentSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let question = IntentSet(rawValue: 1)
    public static let complaint = IntentSet(rawValue: 2)
    public static let praise = IntentSet(rawValue: 4)
    public static let help = IntentSet(rawValue: 8)
    public static let purchase = IntentSet(rawValue: 16)
    public static let spam = IntentSet(rawValue: 32)
    public static let crisis = IntentSet(rawValue: 64)

    var list: [Intent] {
        var out: [Intent] = []
        if contains(.question) { out.append(.question) }
        if contains(.complaint) { out.append(.complaint) }
        if contains(.praise) { out.append(.praise) }
        if contains(.help) { out.append(.help) }
        if contains(.purchase) { out.append(.purchase) }
        if contains(.spam) { out.append(.spam) }
        if contains(.crisis) { out.append(.crisis) }
        return out
    }

    public init(_ intents: [Intent]) {
        var s: IntentSet = []
        for i in intents {
            switch i {
            case .question: s.insert(.question)
            case .complaint: s.insert(.complaint)
            case .praise: s.insert(.praise)
            case .help: s.insert(.help)
            case .purchase: s.insert(.purchase)
            case .spam: s.insert(.spam)
            case .crisis: s.insert(.crisis)
            }
        }
        self = s
    }
}
