import Foundation

public enum SortOrder: String, CaseIterable, Sendable { case newest, priority }
