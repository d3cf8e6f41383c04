import ArgumentParser
import SwitchboardCore

/// What `main` refuses before swift-argument-parser sees the arguments: a command name that does not exist (the parser
/// would print the parent's help and exit 0 for `switchboard nosuch --help` or `switchboard help nosuch`, or say only
/// "Unexpected argument") and an empty `--data-dir` (an unset shell variable, which would fall back to the default
/// data directory). Both are usage errors: exit status 2.
enum CommandLineCheck {
    /// Options of the root command (and of `GlobalOptions`) that take a value, so the value is not read as a command.
    static let valueOptions: Set<String> = ["--data-dir", "--brand", "--theme", "--generate-completion-script"]
    /// The root command's flags; any other option before the command name is left to the parser to report.
    static let flags: Set<String> = ["--demo", "-h", "--help", "--version", "--experimental-dump-help"]

    /// The usage error in `args` (without the program name), or nil.
    static func problem(in args: [String], root: ParsableCommand.Type) -> String? {
        emptyDataDir(args) ?? brandProblem(args) ?? unknownCommand(args, root: root)
    }

    /// `--brand NAME` names a brand of brands.json (and comes without `--data-dir`).
    static func brandProblem(_ args: [String]) -> String? {
        var brand: String?
        var dataDir = false
        var command: String?
        var skip = false
        for (i, a) in args.enumerated() {
            if a == "--" { break }
            if skip { skip = false; continue }
            if valueOptions.contains(a) { skip = true }
            if command == nil && !a.hasPrefix("-") { command = a }
            // `init --brand NAME` names the new brand.
            if command == "init" { return nil }
            if a.hasPrefix("--data-dir") { dataDir = true }
            if a == "--brand" { brand = i + 1 < args.count ? args[i + 1] : nil }
            if a.hasPrefix("--brand=") { brand = String(a.dropFirst("--brand=".count)) }
        }
        guard let brand else { return nil }
        if dataDir { return "--brand and --data-dir: give one of them" }
        do { _ = try BrandList.load().directory(brand) } catch { return "--brand: \(error)" }
        return nil
    }

    static func emptyDataDir(_ args: [String]) -> String? {
        for (i, a) in args.enumerated() {
            if a == "--" { break }
            if a == "--data-dir=" || (a == "--data-dir" && i + 1 < args.count && args[i + 1].isEmpty) {
                return "--data-dir: empty path"
            }
        }
        return nil
    }

    /// Walks the command names at the front of `args` down the command tree (`help` first, too).
    static func unknownCommand(_ args: [String], root: ParsableCommand.Type) -> String? {
        var command = root
        var path: [String] = []
        var help = false
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--" { return nil }
            if a.hasPrefix("-") && a != "-" {
                let name = String(a.prefix { $0 != "=" })
                if valueOptions.contains(name) { i += name == a ? 2 : 1; continue }
                guard flags.contains(a) else { return nil }
                i += 1
                continue
            }
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty { return nil }  // a leaf: the rest are its own arguments
            if path.isEmpty && !help && a == "help" { help = true; i += 1; continue }
            if let next = subcommands.first(where: { names($0).contains(a) }) {
                command = next
                path.append(a)
                i += 1
                continue
            }
            // A group with a default subcommand that takes arguments: the word is one of them.
            if !help, let d = command.configuration.defaultSubcommand, takesArguments(d) { return nil }
            return message(unknown: a, path: path, among: subcommands)
        }
        return nil
    }

    static func names(_ c: ParsableCommand.Type) -> [String] {
        [c._commandName] + c.configuration.aliases
    }

    /// Whether the command declares a positional argument of its own (an `@Argument` property).
    static func takesArguments(_ c: ParsableCommand.Type) -> Bool {
        Mirror(reflecting: c.init()).children.contains {
            String(describing: type(of: $0.value)).hasPrefix("Argument<")
        }
    }

    static func message(unknown word: String, path: [String], among commands: [ParsableCommand.Type]) -> String {
        let prefix = path.isEmpty ? "" : path.joined(separator: " ") + " "
        let visible = commands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
        let near = suggestions(for: word, among: visible)
        if !near.isEmpty {
            let quoted = near.map { "'\(prefix)\($0)'" }
            return "unknown command '\(prefix)\(word)' — did you mean \(quoted.joined(separator: " or "))?"
        }
        let parent = path.isEmpty ? "switchboard" : "switchboard " + path.joined(separator: " ")
        return "unknown command '\(prefix)\(word)' — the commands of \(parent) are: "
            + visible.joined(separator: ", ") + " (see `\(parent) --help`)"
    }

    /// The commands nearest to `word`: one or two edits away (one for short words), or the only one it begins.
    static func suggestions(for word: String, among names: [String]) -> [String] {
        let w = word.lowercased()
        let limit = w.count <= 4 ? 1 : 2
        let scored = names.map { ($0, distance(w, $0)) }.filter { $0.1 <= limit }
        if let best = scored.map(\.1).min() { return scored.filter { $0.1 == best }.map(\.0) }
        let prefixed = names.filter { w.count >= 2 && $0.hasPrefix(w) }
        return prefixed.count == 1 ? prefixed : []
    }

    /// Edit distance with adjacent transpositions (optimal string alignment).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
