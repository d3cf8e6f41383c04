import Foundation
import XCTest

/// Issue 21 from the command line: `--lang`, the POSIX environment (also for a locale that is not installed), German
/// files from `init --lang de`, German reports and warnings; English stays the default.
final class LanguageCommandTests: XCTestCase {
    func testInitWithLangDeWritesGermanPlaybooksTemplatesAndSaysSoInGerman() throws {
        let d = CLI.tempDataDir()
        let r = try CLI.run(["init", "--lang", "de", "--data-dir", d, "--brand", "Nordlicht"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("angelegt"), r.out)
        XCTAssertTrue(r.out.contains("Ablaufpläne für Krisen"), r.out)
        let outage = try String(contentsOfFile: d + "/playbooks/service-outage.json", encoding: .utf8)
        XCTAssertTrue(outage.contains("Störung des Dienstes"), outage)
        XCTAssertTrue(outage.contains("Vorläufige Stellungnahme veröffentlichen"), outage)
        XCTAssertTrue(outage.contains(#""statement" : "outage-de""#), outage)
        XCTAssertTrue(FileManager.default.fileExists(atPath: d + "/templates/danke.json"))
    }

    func testEnglishStaysTheDefault() throws {
        let d = CLI.tempDataDir()
        let r = try CLI.run(["init", "--data-dir", d])
        XCTAssertTrue(r.out.hasPrefix("Created "), r.out)
        let outage = try String(contentsOfFile: d + "/playbooks/service-outage.json", encoding: .utf8)
        XCTAssertTrue(outage.contains("Service outage"), outage)
    }

    func testLanguageFromThePOSIXEnvironmentEvenWhenTheLocaleIsNotInstalled() throws {
        // de_AT.ISO-8859-15@euro is not installed here; the language still follows it, UTF-8 handling stays.
        for env in [
            ["LANG": "de_AT.ISO-8859-15@euro"], ["LC_MESSAGES": "de_DE.UTF-8", "LANG": "en_US.UTF-8"],
            ["LANGUAGE": "fr:de", "LANG": "en_GB.UTF-8"], ["LC_ALL": "de_CH.UTF-8", "LANG": "en_US.UTF-8"],
        ] {
            let r = try CLI.run(["init", "--data-dir", CLI.tempDataDir()], env: env)
            XCTAssertTrue(r.out.contains("angelegt"), "\(env): \(r.out)")
        }
        // LC_ALL wins over LC_MESSAGES and LANG; --lang wins over everything.
        let english = try CLI.run(
            ["init", "--data-dir", CLI.tempDataDir()], env: ["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"])
        XCTAssertTrue(english.out.hasPrefix("Created "), english.out)
        let flag = try CLI.run(["init", "--lang", "en", "--data-dir", CLI.tempDataDir()], env: ["LANG": "de_DE.UTF-8"])
        XCTAssertTrue(flag.out.hasPrefix("Created "), flag.out)
    }

    func testUnknownLanguageIsAUsageError() throws {
        let r = try CLI.run(["--lang", "fr", "init", "--data-dir", CLI.tempDataDir()])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains(#"unknown language "fr" for --lang: use de or en"#), r.err)
        let de = try CLI.run(["init", "--lang=xx", "--data-dir", CLI.tempDataDir()], env: ["LANG": "de_DE.UTF-8"])
        XCTAssertEqual(de.status, 2)
        XCTAssertTrue(de.err.contains("unbekannte Sprache „xx“"), de.err)
    }

    func testReportInGerman() throws {
        let d = CLI.tempDataDir()
        try CLI.run(["init", "--lang", "de", "--data-dir", d, "--brand", "Nordlicht"])
        let r = try CLI.run(["report", "--lang", "de", "--data-dir", d])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Nordlicht — Bericht für"), r.out)
        XCTAssertTrue(r.out.contains("STIMMUNG"), r.out)
        XCTAssertFalse(r.out.contains("SENTIMENT"), r.out)
    }
}
