import Foundation
import XCTest

@testable import SwitchboardCore

final class DocumentTests: XCTestCase {
    func testSyntaxErrorNamesFileLineAndColumnAndOverwritesNothing() throws {
        let dir = makeTempDir()
        try StarterKit.initialise(dir, brand: "Acme", user: "anna")
        let broken = "{\n  \"v\": 1,\n  \"brand\": {\"name\": \"Acme\", \"terms\": [\"Acme\" \"Cloud\"]}\n}\n"
        try broken.write(to: dir.teamFile, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)) { e in
            let s = "\(e)"
            XCTAssertTrue(s.hasPrefix(dir.teamFile.path + ": line 3, column"), s)
        }
        XCTAssertEqual(try String(contentsOf: dir.teamFile, encoding: .utf8), broken, "nothing overwritten")
        let findings = Doctor.check(dir).filter { $0.level == .problem }
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?.place, "team.json")
        XCTAssertTrue(findings.first?.message.hasPrefix("line 3, column") ?? false, "\(findings)")
    }

    func testShapeErrorNamesTheField() throws {
        let data = Data(#"{"brand": {"name": 5, "terms": []}}"#.utf8)
        XCTAssertThrowsError(try FileIO.decodeDocument(TeamConfig.self, from: data, name: "team.json")) { e in
            XCTAssertEqual("\(e)", "team.json: field brand.name: expected a string")
        }
        let missing = Data(#"{"brand": {"terms": []}}"#.utf8)
        XCTAssertThrowsError(try FileIO.decodeDocument(TeamConfig.self, from: missing, name: "team.json")) { e in
            XCTAssertEqual("\(e)", "team.json: field brand.name: missing")
        }
    }

    func testTeamConfigKeepsUnknownFields() throws {
        let data = Data(
            #"{"v":1,"brand":{"name":"A","terms":[]},"routing":[{"when":"is:complaint","team":"support"}]}"#.utf8)
        let t = try FileIO.decodeDocument(TeamConfig.self, from: data, name: "t")
        XCTAssertEqual(t.extra["routing"]?.arrayValue?.count, 1)
        let round = try JSONEncoder().encode(t)
        let again = try FileIO.decodeDocument(TeamConfig.self, from: round, name: "t")
        XCTAssertEqual(again.extra, t.extra)
    }

    func testInitRefusesExistingDirectoryAndWritesUsableFiles() throws {
        let dir = makeTempDir()
        try StarterKit.initialise(dir, brand: "Acme Cloud", user: "anna")
        XCTAssertThrowsError(try StarterKit.initialise(dir, brand: "X", user: "y"))
        let team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        XCTAssertEqual(team.brand.name, "Acme Cloud")
        XCTAssertEqual(team.team.first?.role, "lead")
        XCTAssertEqual(Doctor.jsonFiles(dir.templatesDir).count, 2)
        let playbooks = try Doctor.jsonFiles(dir.playbooksDir).map { try FileIO.readDocument(Playbook.self, from: $0) }
        XCTAssertEqual(Set(playbooks.map(\.id)), ["service-outage", "backlash", "data-leak"])
        for p in playbooks { XCTAssertEqual(p.validate(), [], p.id) }
        var st = stat()
        XCTAssertEqual(stat(dir.secretsDir.path, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o700)
        XCTAssertTrue(Doctor.check(dir).filter { $0.level == .problem }.isEmpty)
    }

    func testPlaybookValidationNamesStepAndField() {
        var p = StarterKit.playbooks[0]
        p.steps[1].due = "soon"
        p.steps[2].statement = "nope"
        XCTAssertEqual(
            p.validate(),
            [
                "step 2 (suspend): field \"due\": \"soon\" is not a duration like 15m, 2h or \"within 15 min\"",
                "step 3 (holding): field \"statement\": no holding statement \"nope\" (have: outage-de, outage-en)",
            ])
    }

    func testSecretDocumentsAre0600() throws {
        let dir = makeTempDir()
        try FileIO.makeDirectory(dir.secretsDir, mode: 0o700)
        let f = dir.secretsDir.appendingPathComponent("x.token")
        try FileIO.writeDocument(Data("s3cret".utf8), to: f, mode: 0o600)
        var st = stat()
        stat(f.path, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
    }
}

final class SharedDirectoryTests: XCTestCase {
    /// A data directory shared by a Unix group (setgid) keeps every new file group-writable whatever the umask.
    func testSetgidDirectoryKeepsFilesGroupWritable() throws {
        let dir = makeTempDir("shared")
        XCTAssertEqual(chmod(dir.root.path, 0o2775), 0)
        let old = umask(0o022)
        defer { umask(old) }
        try StarterKit.initialise(DataDirectory(root: dir.root.appendingPathComponent("d")), brand: "A", user: "u")
        let d = DataDirectory(root: dir.root.appendingPathComponent("d"))
        chmod(d.root.path, 0o2775)
        let store = try Store(dir: d)
        try store.ingest([mention("1")])
        try store.record([.note(mention: store.mentions[0].key, text: "x")], actor: "u")
        var st = stat()
        for f in try FileManager.default.contentsOfDirectory(atPath: d.logDir.path) {
            XCTAssertEqual(stat(d.logDir.appendingPathComponent(f).path, &st), 0)
            XCTAssertEqual(st.st_mode & 0o060, 0o060, "\(f) is group-writable")
        }
        stat(d.logDir.path, &st)
        XCTAssertNotEqual(st.st_mode & S_ISGID, 0, "subdirectories inherit setgid")
        stat(d.secretsDir.path, &st)
        XCTAssertEqual(st.st_mode & 0o077, 0, "secrets stay private")
        XCTAssertEqual(Doctor.check(d).filter { $0.level == .problem }.map(\.description), [])
    }
}
