import Foundation

/// The language a scan settles on.
enum Lang: UInt8 {
    case en, de, other
    var code: String {
        switch self {
        case .en: return "en"
        case .de: return "de"
        case .other: return "other"
        }
    }
}
