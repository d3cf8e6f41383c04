import ArgumentParser
import Foundation
import Insight
import SwitchboardCore

/// `switchboard analyze [--json] [TEXT]`: language, sentiment and intents of a text, or of each line of stdin.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: L10n.t("cli.abstract.analyzeCommand.1"),
        discussion: L10n.t("cli.discussion.analyze")
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: ArgumentHelp(L10n.t("cli.help.analyze.json")))
    var json = false

    @Option(
        name: .customLong("crisis-term"), help: ArgumentHelp(L10n.t("cli.help.analyze.crisisTerm")))
    var crisisTerms: [String] = []

    @Flag(help: .hidden)
    var features = false

    /// Fitting support (Scripts/fit-length.py): the inputs of the sentiment decision, one line per text.
    @Flag(help: .hidden)
    var decision = false

    @Argument(help: ArgumentHelp(L10n.t("cli.help.analyze.text")))
    var text: [String] = []

    func run() throws {
        var terms = crisisTerms
        var brand: [String] = []
        if terms.isEmpty, let team = try? FileIO.readDocument(TeamConfig.self, from: global.directory.teamFile) {
            terms = team.crisisTerms
            brand = team.brand.terms + [team.brand.name]
        }
        let analyzer = Analyzer(crisisTerms: terms, brandTerms: brand)
        var out = OutputBuffer()
        let handle: (String) -> Void = { line in
            if decision {
                let line =
                    analyzer.decisionInputs(line).map {
                        "\($0.lang)\t\($0.words)\t" + String(format: "%.5f %.5f", $0.zp, $0.zn)
                            + "\t\($0.irony ? 1 : 0)"
                    } ?? "-"
                out.write(line + "\n")
            } else if features {
                let f = analyzer.features(line)
                out.write(
                    f.lang + "\t" + f.tokens.joined(separator: " ") + "\t"
                        + f.dense.map { String(format: "%.4f", $0) }.joined(separator: " ") + "\t"
                        + f.keys.map { String($0, radix: 16) }.joined(separator: " ") + "\t"
                        + f.cues.map { String(format: "%.4f", $0) }.joined(separator: " ") + "\t"
                        + String(format: "%.5f %.5f", f.logits.0, f.logits.1) + "\n")
            } else {
                let a = analyzer.analyze(line)
                out.write((json ? AnalyzeCommand.jsonLine(a) : AnalyzeCommand.humanLine(a, text: line)) + "\n")
            }
        }
        if !text.isEmpty {
            handle(text.joined(separator: " "))
        } else {
            while let line = readLine(strippingNewline: true) { handle(line) }
        }
        out.flush()
    }

    /// `{"lang": "de", "sentiment": "negative", "score": -0.62, "intents": ["question"], "crisis_terms": ["Ausfall"]}`
    static func jsonLine(_ a: Analysis) -> String {
        var s =
            "{\"lang\": \"\(a.lang)\", \"sentiment\": \"\(a.sentiment.rawValue)\", \"score\": "
            + "\(formatScore(a.score)), \"intents\": ["
        s += a.intents.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]"
        if let c = a.crisisTerms, !c.isEmpty {
            s += ", \"crisis_terms\": [" + c.map { jsonString($0) }.joined(separator: ", ") + "]"
        }
        return s + "}"
    }

    static func formatScore(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        let v = r == 0 ? 0 : r
        return String(format: "%.2f", v)
    }

    static func jsonString(_ s: String) -> String { JSONValue.literal(s) }

    /// `de     negative  -0.62  question, complaint  | text…` (control characters in the text made visible).
    static func humanLine(_ a: Analysis, text: String) -> String {
        func pad(_ s: String, _ n: Int) -> String {
            s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
        }
        var intents = a.intents.map { L10n.t("intent." + $0.rawValue) }.joined(separator: ",")
        if let c = a.crisisTerms, !c.isEmpty { intents += " [" + c.joined(separator: ",") + "]" }
        let score = formatScore(a.score)
        let clean = visible(text)
        let shown = clean.count > 60 ? String(clean.prefix(59)) + "…" : clean
        return pad(a.lang, 6) + pad(L10n.t("sentiment." + a.sentiment.rawValue), 9)
            + pad(String(repeating: " ", count: max(0, 5 - score.count)) + score, 6)
            + pad(intents.isEmpty ? "-" : visible(intents), 30) + shown
    }

    /// Control characters (escape sequences included) and bidi overrides become spaces before reaching a terminal.
    static func visible(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { u in
                    let v = u.value
                    return v < 0x20 || (v >= 0x7F && v < 0xA0) || (v >= 0x202A && v <= 0x202E)
                        || (v >= 0x2066 && v <= 0x2069) ? " " : u
                }))
    }
}

/// Buffered stdout for line-per-text output.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    mutating func write(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        if bytes.count > 1 << 16 { flush() }
    }
    mutating func flush() {
        guard !bytes.isEmpty else { return }
        Output.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
