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

    /// A data directory from `init --lang de` for the brand Nordlicht.
    func germanDataDir() throws -> String {
        let d = CLI.tempDataDir()
        try CLI.run(["init", "--lang", "de", "--data-dir", d, "--brand", "Nordlicht"])
        return d
    }

    func testDoctorSpeaksGerman() throws {
        let d = try germanDataDir()
        let ok = try CLI.run(["doctor", "--lang", "de", "--data-dir", d])
        XCTAssertEqual(ok.status, 0, ok.err)
        XCTAssertTrue(ok.out.hasSuffix(": keine Probleme gefunden.\n"), ok.out)
        try FileManager.default.createDirectory(atPath: d + "/log", withIntermediateDirectories: true)
        try Data("{}\n{}\n".utf8).write(to: URL(fileURLWithPath: d + "/log/alt.jsonl.corrupt"))
        try FileManager.default.removeItem(atPath: d + "/team.json")
        let bad = try CLI.run(["doctor", "--lang", "de", "--data-dir", d])
        XCTAssertEqual(bad.status, 1, bad.err)
        XCTAssertTrue(bad.out.contains("Problem  team.json: fehlt\n"), bad.out)
        XCTAssertTrue(
            bad.out.contains("Hinweis  log/alt.jsonl.corrupt: 2 Eintrag/Einträge nach einem Absturz"), bad.out)
        XCTAssertTrue(bad.out.contains("1 Problem(e) in "), bad.out)
        // English stays as it was.
        let en = try CLI.run(["doctor", "--data-dir", d], env: ["LANG": "C.UTF-8"])
        XCTAssertTrue(en.out.contains("problem  team.json: missing\n"), en.out)
        XCTAssertTrue(en.out.contains("note     log/alt.jsonl.corrupt: 2 record(s) set aside"), en.out)
        XCTAssertTrue(en.out.contains("1 problem(s) in "), en.out)
    }

    func testReportInGerman() throws {
        let d = try germanDataDir()
        let r = try CLI.run(["report", "--lang", "de", "--data-dir", d])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Nordlicht — Bericht für"), r.out)
        XCTAssertTrue(r.out.contains("STIMMUNG"), r.out)
        XCTAssertFalse(r.out.contains("SENTIMENT"), r.out)
    }
}
