import Foundation
import XCTest

/// Issue 21: the Markdown report and the CSV headers in German; the rows of the CSV and the JSON stay as they are.
extension ReportCommandTests {
    func report(_ d: String, _ format: String, _ lang: String) throws -> String {
        let r = try CLI.run([
            "report", "--lang", lang, "--data-dir", d, "--since", "2026-11-16", "--until", "2026-11-22", "--as-of",
            "2026-11-23T08:00:00Z", "--format", format,
        ])
        XCTAssertEqual(r.status, 0, r.err)
        return r.out
    }

    func testMarkdownAndCSVHeadersInGerman() throws {
        let d = try makeDataDir()
        let csv = try report(d, "csv", "de").components(separatedBy: "\n")
        XCTAssertEqual(csv[0], "abschnitt,marke,zeitzone,von,bis,vorher_von,erstellt_am,intervall")
        XCTAssertTrue(csv[1].hasPrefix("report,Acme,Europe/Berlin,2026-11-15T23:00:00Z,"), csv[1])
        XCTAssertEqual(csv[3], "abschnitt,intervall_beginn,netzwerk,erwaehnungen")
        XCTAssertEqual(csv[4], "volume,2026-11-16,all,1")
        XCTAssertTrue(csv.contains("abschnitt,kennzahl,wert"), csv.joined(separator: "\n"))
        XCTAssertFalse(csv.contains("section,metric,value"))

        let md = try report(d, "md", "de")
        for heading in [
            "## Aufkommen", "## Stimmung", "## Fragen und Antworten", "## Themen", "## Fürsprecher", "## Kritiker",
            "## Veröffentlichte Beiträge", "## Krisenläufe",
        ] {
            XCTAssertTrue(md.contains("\n" + heading + "\n"), "\(heading) missing:\n\(md)")
        }
        XCTAssertTrue(md.contains("**4 Erwähnungen**"), md)
        XCTAssertTrue(md.contains("Acme in 4 Erwähnungen genannt"), md)
        for english in ["## Volume", "mentions", "Share =", "No crisis runs", "Score =", "| network |"] {
            XCTAssertFalse(md.contains(english), "English \"\(english)\" in the German Markdown:\n\(md)")
        }

        // English stays as it was; JSON is the same in both languages.
        XCTAssertTrue(try report(d, "md", "en").contains("\n## Volume\n"))
        XCTAssertTrue(try report(d, "csv", "en").hasPrefix("section,brand,time_zone,since,until,"))
        XCTAssertEqual(try report(d, "json", "de"), try report(d, "json", "en"))
    }
}
