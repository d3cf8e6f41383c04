import Foundation

public enum Intent: String, Codable, Sendable, CaseIterable {
    case question, complaint, praise
    case help = "help_request"
    case purchase = "purchase_interest"
    case spam, crisis
}
