import Foundation

/// The sub-commands of `:crisis` (in completion order).
enum CrisisSubcommand: String, CaseIterable {
    case start, drill, end, severity, step
}
