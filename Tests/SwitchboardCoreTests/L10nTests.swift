import Foundation
import XCTest

@testable import SwitchboardCore

/// The catalogues (every key in both languages, the same placeholders, every key the code uses present), the choice
/// of language in POSIX order, and the formats by language.
final class L10nTests: XCTestCase {
    override func tearDown() { L10n.use(.en) }

    func testBothCataloguesLoadAndHaveTheSameKeysAndPlaceholders() {
        let en = L10n.catalogue(.en), de = L10n.catalogue(.de)
        XCTAssertGreaterThan(en.count, 10, "the English catalogue did not load")
        XCTAssertEqual(Set(en.keys).subtracting(de.keys).sorted(), [], "keys missing in de.json")
        XCTAssertEqual(Set(de.keys).subtracting(en.keys).sorted(), [], "keys missing in en.json")
        for (key, text) in en {
            guard let g = de[key] else { continue }
            XCTAssertEqual(
                Set(L10n.placeholders(text)), Set(L10n.placeholders(g)), "placeholders of \(key) differ")
        }
    }

    /// Every `L10n.t("key"` in the sources names a key of the English catalogue (a prefix ending in `.` that the
    /// code completes, like `"mention.status." + raw`, is checked by the screens' tests).
    func testEveryKeyTheCodeUsesExists() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(pattern: #"L10n\.t\(\s*"([^"\\]+[^."\\])""#)
        var used = Set<String>()
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert((text as NSString).substring(with: m.range(at: 1)))
            }
        }
        XCTAssertGreaterThan(used.count, 5)
        XCTAssertEqual(used.filter { !L10n.has($0) }.sorted(), [], "keys used in the code but not in en.json")
    }

    func testMissingGermanFallsBackToEnglishAndPlaceholdersFillByName() {
        L10n.use(.de)
        XCTAssertEqual(L10n.t("format.ago", ["span": "3 Min."]), "vor 3 Min.")
        XCTAssertEqual(L10n.fill("{a} and {b}", ["b": 1200, "a": "x"], .de), "x and 1.200")
        XCTAssertEqual(L10n.t("no.such.key"), "no.such.key")
    }

    func testLanguageOrderFlagConfigThenPOSIXEnvironment() {
        let env = ["LANG": "en_US.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"]
        XCTAssertEqual(Language.choose(flag: nil, config: nil, environment: env), .de)
        XCTAssertEqual(Language.choose(flag: "en", config: nil, environment: env), .en)
        XCTAssertEqual(Language.choose(flag: nil, config: "en", environment: env), .en)
        XCTAssertEqual(Language.choose(flag: "de", config: "en", environment: [:]), .de)
        // LC_ALL overrides LC_MESSAGES and LANG; LANGUAGE (a colon list) overrides them all.
        XCTAssertEqual(
            Language.choose(flag: nil, config: nil, environment: env.merging(["LC_ALL": "C.UTF-8"]) { $1 }), .en)
        XCTAssertEqual(
            Language.choose(flag: nil, config: nil, environment: ["LANGUAGE": "fr:de:en", "LANG": "en_GB.UTF-8"]), .de)
        // LANGUAGE is ignored when the locale is C (as gettext does).
        XCTAssertEqual(Language.choose(flag: nil, config: nil, environment: ["LANGUAGE": "de", "LANG": "C"]), .en)
        // A locale that is not installed still names its language; nothing set means English.
        XCTAssertEqual(Language.choose(flag: nil, config: nil, environment: ["LANG": "de_CH.ISO-8859-1@euro"]), .de)
        XCTAssertEqual(Language.choose(flag: nil, config: nil, environment: [:]), .en)
        XCTAssertEqual(Language.choose(flag: nil, config: nil, environment: ["LANG": "fr_FR.UTF-8"]), .en)
    }

    func testPersonalConfigLanguage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-l10n-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("switchboard"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"theme": "light", "language": "de"}"#.utf8)
            .write(to: dir.appendingPathComponent("switchboard/config.json"))
        let env = ["XDG_CONFIG_HOME": dir.path, "LANG": "en_US.UTF-8"]
        XCTAssertEqual(Language.configured(environment: env), "de")
        XCTAssertEqual(Language.choose(flag: nil, config: Language.configured(environment: env), environment: env), .de)
    }

    func testFormatsByLanguage() {
        let tz = TimeZone(identifier: "Europe/Berlin")!
        let d = Timestamp.parse("2026-12-07T07:15:00Z")!
        XCTAssertEqual(LocalFormat.weekdayTime(d, tz, .de), "Mo 07.12. 08:15")
        XCTAssertEqual(LocalFormat.weekdayTime(d, tz, .en), "Mon 12-07 08:15")
        XCTAssertEqual(LocalFormat.dateTime(d, tz, .de), "07.12.2026 08:15")
        XCTAssertEqual(LocalFormat.dateTime(d, tz, .en), "2026-12-07 08:15")
        XCTAssertEqual(LocalFormat.number(1200, .de), "1.200")
        XCTAssertEqual(LocalFormat.number(1_234_567, .en), "1,234,567")
        XCTAssertEqual(LocalFormat.ago(180, .de), "vor 3 Min.")
        XCTAssertEqual(LocalFormat.ago(180, .en), "3m ago")
        XCTAssertEqual(LocalFormat.duration(7500, .de), "2 Std. 5 Min.")
        XCTAssertEqual(LocalFormat.duration(7500, .en), "2h 5m")
        XCTAssertEqual(LocalFormat.age(5 * 86400, .de), "5T")
    }
}
