import Foundation
import SwitchboardCore

/// The fixed words swift-argument-parser writes around our (translated) help texts — the section headings, its own
/// flags' help, "Error:" and "Usage:" of a usage error — in the interface's language. Everything else of the help
/// comes from the catalogue already (the command list's abstracts, the options of the day-to-day commands).
enum HelpText {
    /// `text` with the parser's English frame words in the current language (as it is in English).
    static func localized(_ text: String, _ lang: Language = L10n.language) -> String {
        guard lang != .en else { return text }
        var out = text
        for (english, key) in frame {
            out = out.replacingOccurrences(of: english, with: L10n.t(key, in: lang))
        }
        return out
    }

    /// The parser's words and the catalogue keys that say them (longest first where one contains another).
    static let frame: [(String, String)] = [
        ("OVERVIEW:", "cli.frame.overview"),
        ("USAGE:", "cli.frame.usage"),
        ("ARGUMENTS:", "cli.frame.arguments"),
        ("OPTIONS:", "cli.frame.options"),
        ("SUBCOMMANDS:", "cli.frame.subcommands"),
        ("Show help information.", "cli.frame.help"),
        ("Show the version.", "cli.frame.version"),
        ("for detailed help.", "cli.frame.detailedHelp"),
        ("(default:", "cli.frame.default"),
        ("Error:", "cli.frame.error"),
        ("Usage:", "cli.frame.usageLine"),
        ("Help:", "cli.frame.helpLine"),
        ("Missing expected argument", "cli.frame.missingArgument"),
        ("Unknown option", "cli.frame.unknownOption"),
        ("Unexpected argument", "cli.frame.unexpectedArgument"),
        ("Missing value for", "cli.frame.missingValue"),
        ("The value", "cli.frame.theValue"),
        ("is invalid for", "cli.frame.isInvalidFor"),
        ("(repeatable)", "cli.frame.repeatable"),
        ("(values:", "cli.frame.values"),
        ("Please provide one of the following:", "cli.frame.provideOneOf"),
        ("See '", "cli.frame.see"),
        ("' for more information.", "cli.frame.moreInformation"),
    ]
}
