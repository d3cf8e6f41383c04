import Foundation
import XCTest

/// The personal config's `layout` (issue 15 item 14): a value that is not a layout stops the workbench before it
/// takes over the terminal, naming the file and the choices (exit 2), as a broken theme does.
final class LayoutSettingTests: XCTestCase {
    func testAnUnknownLayoutInConfigJSONIsAClearErrorBeforeTheScreenChanges() throws {
        let d = CLI.tempDataDir()
        let cfg = URL(fileURLWithPath: CLI.tempDataDir())
        defer {
            try? FileManager.default.removeItem(atPath: d)
            try? FileManager.default.removeItem(at: cfg)
        }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        let dir = cfg.appendingPathComponent("switchboard")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(#"{"layout": "übereinander"}"#.utf8).write(to: dir.appendingPathComponent("config.json"))
        let r = try CLI.run(["--data-dir", d], env: ["XDG_CONFIG_HOME": cfg.path, "TERM": "xterm-256color"])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("config.json"), r.err)
        XCTAssertTrue(r.err.contains(#""layout": "übereinander" is not one of auto, stacked, side"#), r.err)
        XCTAssertFalse(r.err.contains("needs a terminal"), r.err)
    }
}
