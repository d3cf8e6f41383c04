import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

final class ThemeTests: XCTestCase {
    func testEveryShippedThemeParsesAndDefinesEveryRole() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestApp.themesDir.path).filter {
            $0.hasSuffix(".json")
        }.sorted()
        XCTAssertEqual(files, ["default.json", "high-contrast.json", "light.json", "mono.json"])
        for f in files {
            let t = try Theme.load(TestApp.themesDir.appendingPathComponent(f))
            XCTAssertEqual(t.missingRoles, [], f)
            XCTAssertEqual(t.name + ".json", f)
            // Every role the screen draws with is in the theme.
            for r in UIRoles.all { XCTAssertNotNil(t.styles[r], "\(f): \(r.rawValue)") }
        }
        let mono = try Theme.load(TestApp.themesDir.appendingPathComponent("mono.json"))
        for (_, s) in mono.styles {
            XCTAssertEqual(s.fg, -1)
            XCTAssertEqual(s.bg, -1)
        }
        XCTAssertTrue(mono.styles[.selected]!.reverse)
    }

    func testBuiltInThemeIsTheDefaultFile() throws {
        let file = try Theme.load(TestApp.themesDir.appendingPathComponent("default.json"))
        XCTAssertEqual(BuiltinTheme.theme.styles, file.styles)
        XCTAssertEqual(BuiltinTheme.theme.missingRoles, [])
        XCTAssertEqual(file.styles[.selected], TerminalStyle(fg: 231, bg: 24, fg16: 15, bg16: 4))
        XCTAssertEqual(file.styles[.normal], TerminalStyle())
    }

    func testEveryRoleTheRendererUsesIsKnown() throws {
        let app = try TestApp(
            Fixtures.three, size: Size(width: 120, height: 40), team: CrisisFixtures.team(), files: CrisisFixtures.files
        )
        var used = Set<StyleRole>()
        for keys in [
            "", "j", "<Enter>", "<Esc> ?", "<Esc> :", "<Esc> 3", "4", "j <Enter>", "<Esc> D 2", "t", "e", "j j h",
            "<Esc> S", "<Esc> z",
        ] {
            app.press(keys.isEmpty ? "1" : keys)
            used.formUnion(app.buffer.cells.map(\.role))
        }
        XCTAssertTrue(used.isSubset(of: Set(UIRoles.all)), "\(used.subtracting(UIRoles.all))")
    }

    /// Issue 15 item 12: `NO_COLOR=1` chose "mono", which existed only as a file, so without a Themes
    /// directory the workbench refused to start. Every shipped theme is compiled in; files override them.
    func testEveryShippedThemeIsCompiledInAndNeedsNoFile() throws {
        for name in ["default", "high-contrast", "light", "mono"] {
            let file = try Theme.load(TestApp.themesDir.appendingPathComponent(name + ".json"))
            let builtIn = try ThemeLoader.load(name, from: [])
            XCTAssertEqual(builtIn, file, name)
            XCTAssertEqual(builtIn.missingRoles, [], name)
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        let chosen = try ThemeLoader.chooseName(
            flag: nil, environment: ["NO_COLOR": "1", "XDG_CONFIG_HOME": empty.path])
        XCTAssertEqual(try ThemeLoader.load(chosen, from: [empty]).name, "mono")
        XCTAssertEqual(ThemeLoader.available(in: []), ["default", "high-contrast", "light", "mono"])
        XCTAssertEqual(try ThemeLoader.load("light", from: []).background, .light)
        XCTAssertEqual(try ThemeLoader.load("default", from: []).background, .dark)
        // A file of the same name overrides the compiled-in theme.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileIO.makeDirectory(dir)
        var doc = BuiltinTheme.documents["mono"]!
        doc = doc.replacingOccurrences(
            of: #""selected":           {"reverse": true}"#, with: #""selected": {"underline": true}"#)
        try doc.write(to: dir.appendingPathComponent("mono.json"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try ThemeLoader.load("mono", from: [dir]).styles[.selected], TerminalStyle(underline: true))
    }

    /// Issue 15 item 13: on TERM=xterm (8 colours, PuTTY's default) and TERM=linux, grey text and inactive
    /// borders came out black on black. For every built-in theme and colour depth, no role's text takes the
    /// colour of the background it is drawn on (its own, else the terminal's as the theme assumes it).
    func testNoRoleIsDrawnInItsBackgroundColourAtAnyDepth() throws {
        for name in ThemeLoader.available(in: []) {
            let theme = try ThemeLoader.load(name, from: [])
            for colors in [8, 16, 256] {
                for role in UIRoles.all {
                    let style = try XCTUnwrap(theme.styles[role])
                    let r = style.resolved(colors: colors, background: theme.background)
                    XCTAssertTrue((-1..<colors).contains(r.fg) && (-1..<colors).contains(r.bg), "\(name) \(role)")
                    if r.fg == -1 && r.bg == -1 { continue }  // the terminal's own pair
                    let fg = r.effectiveForeground(colors: colors, background: theme.background)
                    let bg = r.effectiveBackground(colors: colors, background: theme.background)
                    XCTAssertNotEqual(
                        fg, bg, "\(name) at \(colors) colours: \(role.rawValue) is drawn in \(fg) on \(bg)")
                    if r.bg == -1 {
                        XCTAssertNotEqual(fg, theme.background.color(colors: colors), "\(name) \(colors) \(role)")
                    }
                }
            }
        }
        // What the report saw: the default theme's border and hint (grey, 16-colour 8) on 8 colours.
        let dark = try ThemeLoader.load("default", from: [])
        let border = dark.styles[.border]!.resolved(colors: 8, background: .dark)
        XCTAssertEqual(border.fg, 7)
        XCTAssertTrue(border.dim)
        XCTAssertEqual(dark.styles[.hint]!.resolved(colors: 8, background: .dark).fg, 7)
        // Bright colours on 8 colours: the base colour in bold.
        let new = dark.styles[.feedNew]!.resolved(colors: 8, background: .dark)
        XCTAssertEqual(new.fg, 3)
        XCTAssertTrue(new.bold)
        // A theme with 256 colours only is mapped to the nearest of the 16 (not dropped to the default).
        XCTAssertEqual(TerminalStyle(fg: 196).resolved(colors: 16, background: .dark).fg, 9)
        XCTAssertEqual(TerminalStyle(fg: 22, bg: 231).resolved(colors: 16, background: .dark).bg, 15)
        XCTAssertEqual(TerminalStyle(fg: 231, bg: 231).resolved(colors: 256, background: .dark).fg, 0)
    }

    func testErrorsNameFileLineAndColumn() {
        XCTAssertThrowsError(
            try Theme.parse(
                Data("{\n \"roles\": {\n  \"normal\": {\"fg\" 1}\n }\n}".utf8), name: "x", file: "Themes/x.json")
        ) {
            XCTAssertTrue("\($0)".hasPrefix("Themes/x.json: line 3, column"), "\($0)")
        }
        XCTAssertThrowsError(
            try Theme.parse(Data(#"{"roles": {"normal": {"fg": "purple"}}}"#.utf8), name: "x", file: "x.json")
        ) {
            XCTAssertTrue("\($0)".contains("x.json: field roles.normal.fg: unknown colour \"purple\""), "\($0)")
        }
        XCTAssertThrowsError(
            try Theme.parse(Data(#"{"roles": {"normal": {"fg": 300}}}"#.utf8), name: "x", file: "x.json")
        ) {
            XCTAssertTrue("\($0)".contains("colour 300 is not in -1…255"), "\($0)")
        }
        XCTAssertThrowsError(try Theme.parse(Data(#"{"roles": {"normal": {}}}"#.utf8), name: "x", file: "x.json")) {
            XCTAssertTrue("\($0)".hasPrefix("x.json: roles missing: dim, border, border_focused"), "\($0)")
        }
    }

    func testChoosingAndFindingThemes() throws {
        let cfg = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cfg) }
        XCTAssertEqual(try ThemeLoader.chooseName(flag: "light", environment: ["NO_COLOR": "1"]), "light")
        XCTAssertEqual(
            try ThemeLoader.chooseName(flag: nil, environment: ["NO_COLOR": "1", "XDG_CONFIG_HOME": cfg.path]), "mono")
        XCTAssertEqual(try ThemeLoader.chooseName(flag: nil, environment: ["XDG_CONFIG_HOME": cfg.path]), "default")
        try FileIO.makeDirectory(cfg.appendingPathComponent("switchboard"))
        try #"{"theme": "high-contrast"}"#.write(
            to: cfg.appendingPathComponent("switchboard/config.json"), atomically: true, encoding: .utf8)
        XCTAssertEqual(
            try ThemeLoader.chooseName(flag: nil, environment: ["XDG_CONFIG_HOME": cfg.path]), "high-contrast")

        // Run from the checkout (.build/debug/switchboard) the Themes directory is found by walking up.
        let exe = TestApp.repoRoot.appendingPathComponent(".build/debug/switchboard")
        let dirs = ThemeLoader.searchDirectories(executable: exe, environment: ["XDG_CONFIG_HOME": cfg.path])
        XCTAssertTrue(
            dirs.contains(TestApp.themesDir.standardizedFileURL) || dirs.map(\.path).contains(TestApp.themesDir.path),
            "\(dirs)")
        XCTAssertEqual(try ThemeLoader.load("light", from: dirs).name, "light")
        XCTAssertEqual(ThemeLoader.available(in: dirs), ["default", "high-contrast", "light", "mono"])
        // Installed: PREFIX/bin/switchboard → PREFIX/share/switchboard/themes.
        XCTAssertTrue(
            ThemeLoader.searchDirectories(executable: URL(fileURLWithPath: "/opt/sb/bin/switchboard"), environment: [:])
                .map(\.path).contains("/opt/sb/share/switchboard/themes"))
        // Nothing found: the compiled-in default, and a clear error for anything else.
        XCTAssertEqual(try ThemeLoader.load("default", from: []).styles, BuiltinTheme.theme.styles)
        XCTAssertThrowsError(try ThemeLoader.load("neon", from: [])) {
            XCTAssertTrue("\($0)".hasPrefix("no theme named \"neon\""))
        }
        XCTAssertThrowsError(try ThemeLoader.load("../etc/passwd", from: dirs))
    }

    func testThemeCommandSwitchesTheme() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        var applied: Theme?
        app.runner.applyTheme = { applied = $0 }
        app.press(":")
        app.type("theme light")
        app.press("<Enter>")
        XCTAssertEqual(applied?.name, "light")
        XCTAssertEqual(app.state.chrome.themeName, "light")
        app.press(":")
        app.type("theme neon")
        app.press("<Enter>")
        XCTAssertEqual(app.state.chrome.message?.isError, true)
        XCTAssertTrue(app.screen[29].contains("\"neon\" is not one of"), app.dump())
    }
}
