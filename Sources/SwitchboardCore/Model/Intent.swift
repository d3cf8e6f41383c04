import Foundation

public enum Intent: String, Codable, Sendable, CaseIterable {
    case question, complaint, praise, help = "help_request", purchase = "purchase_interest", spam, crisis
}
