import Foundation

/// Where a binding applies. `global` applies everywhere except to printable keys while typing in the
/// composer; `help` and `cmdline` are the help overlay and the `:` command line (modal).
public enum KeyContext: String, CaseIterable, Sendable {
    case global, feed, composer, queue, crisis, help, cmdline, trends, templates, contacts, report, thread
}
