import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issues 20 and 23: the composer picks images from the media library. `:attach NAME` takes a library file with its
/// stored alt text (Tab lists and completes the names), `:attach PATH` a file; a network whose replies take no images
/// refuses at once; the review warns about an image without alt text, in English and German, at 100×30 and 80×24.
final class ReplyMediaLibraryScreenTests: XCTestCase {
    override func tearDown() { L10n.use(.en) }

    static let library = [
        "media/Größe 42.png": "png", "media/Größe 42.png.alt.txt": "Tabelle der Schuhgrößen 36 bis 46\n",
        "media/export.png": "png",
    ]

    func app(_ size: Size, _ mentions: [Mention] = ReplyFixtures.questions()) throws -> TestApp {
        let app = try TestApp(mentions, size: size, team: ReplyFixtures.team, files: Self.library)
        if size.width >= 100 { app.sideBySide() }
        return app
    }

    func testAttachByLibraryNameWithItsAltTextCompletedWithTabAt100x30() throws {
        let app = try app(Size(width: 100, height: 30))
        let pub = RecordingMediaPublisher()
        app.runner.publisherFor = { _ in pub }
        app.press("<Enter>")
        app.type("So misst du richtig.")
        app.press("<Esc> :")
        app.type("attach ")
        // Tab lists the library (a name with a space in quotes), Tab on a prefix completes it.
        app.press("<Tab>")
        XCTAssertEqual(app.screen[28].trimmingCharacters(in: .whitespaces), "\"Größe 42.png\"  export.png", app.dump())
        app.type("\"Gr")
        app.press("<Tab>")
        XCTAssertEqual(app.screen[29].trimmingCharacters(in: .whitespaces), ":attach \"Größe 42.png\"", app.dump())
        app.press("<Enter>")
        XCTAssertEqual(
            app.screen[8],
            "│                                                     ││─ Reply · 26/500 · images: 1 · unsaved ────│")
        XCTAssertEqual(
            app.screen[28].trimmingCharacters(in: .whitespaces),
            "attached Größe 42.png from the media library (alt text: Tabelle der Schuhgrößen 36 bis 46) —", app.dump())
        XCTAssertEqual(app.screen[29].trimmingCharacters(in: .whitespaces), ":detach removes the images")
        app.press("C-s")
        XCTAssertEqual(
            Array(app.screen[8...19]),
            [
                "│           ┌─ Review reply — y send · e edit · n back ────────────────────────────────┐nsaved ────│",
                "│           │ To: @anna@social.example on Mastodon                                     │u richtig. │",
                "│           │ In reply to: https://social.example/@anna@social.example/q1              │           │",
                "│           │                                                                          │           │",
                "│           │ @anna@social.example So misst du richtig. ^AS                            │           │",
                "│           │                                                                          │           │",
                "│           │ 30/500 characters                                                        │this reply…│",
                "│           │ Image: Größe 42.png — alt text: Tabelle der Schuhgrößen 36 bis 46        │───────────┘",
                "│           │ ⚠ the mention asks a question; this reply doesn't seem to address it     │───────────┐",
                "│           │                                                                          │ crisis.   │",
                "│           │ y sends it in 10 s (u takes it back until then).                         │oks yet.   │",
                "│           └──────────────────────────────────────────────────────────────────────────┘           │",
            ], app.dump())
        app.press("y")
        app.send(.tick(TestApp.now.addingTimeInterval(11)))
        app.send(.tick(TestApp.now.addingTimeInterval(12)))
        XCTAssertEqual(pub.posts.count, 1)
        XCTAssertEqual(
            pub.posts.first?.1,
            [QueueMedia(path: app.root.path + "/media/Größe 42.png", alt: "Tabelle der Schuhgrößen 36 bis 46")])
    }

    func testGermanLibraryImageAndOneWithoutAltTextAt80x24And100x30() throws {
        L10n.use(.de)
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30)] {
            let app = try app(size)
            app.press("<Enter>")
            app.type("So geht der Export.")
            app.press("<Esc> :")
            app.type("attach \"Größe 42.png\"")
            app.press("<Enter>")
            XCTAssertTrue(
                app.dump().contains("Größe 42.png aus der Mediathek angehängt (Alternativtext: Tabelle der"), app.dump()
            )
            app.press("<Esc> :")
            app.type("attach export.png")
            app.press("<Enter>")
            XCTAssertTrue(
                app.dump().contains("export.png hat keinen Alternativtext: Wer einen Screenreader"), app.dump())
            // The title keeps whole words: at 100×30 "ungespeichert" no longer fits beside the image count.
            XCTAssertTrue(app.dump().contains("─ Antwort · 25/500 · Bilder: 2 "), app.dump())
            XCTAssertFalse(app.dump().contains("ungespeic─"), app.dump())
            app.press("C-s")
            if size.width == 80 {
                XCTAssertEqual(
                    Array(app.screen[3...19]),
                    [
                        "│ ┌─ Antwort prüfen — y senden · e bearbeiten · n zurück ────────────────────┐ │",
                        "│ │ An: @anna@social.example auf Mastodon                                    │ │",
                        "│ │ Antwort auf: https://social.example/@anna@social.example/q1              │ │",
                        "│ │                                                                          │ │",
                        "│ │ @anna@social.example So geht der Export. ^AS                             │ │",
                        "│ │                                                                          │ │",
                        "│ │ 29/500 Zeichen                                                           │ │",
                        "│ │ Bild: Größe 42.png — Alternativtext: Tabelle der Schuhgrößen 36 bis 46   │ │",
                        "│ │ ⚠ export.png hat keinen Alternativtext: Wer einen Screenreader nutzt,    │ │",
                        "│ │   erfährt nicht, was es zeigt (:detach, dann :attach NAME|PFAD           │ │",
                        "│ │   ALTERNATIVTEXT)                                                        │ │",
                        "│─│ ⚠ der Beitrag stellt eine Frage; diese Antwort scheint nicht darauf      │─│",
                        "│ │   einzugehen                                                             │ │",
                        "│ │                                                                          │ │",
                        "│ │ y sendet sie in 10 s (bis dahin nimmt u sie zurück).                     │ │",
                        "│ └──────────────────────────────────────────────────────────────────────────┘ │",
                        "│                                                                              │",
                    ], app.dump())
            } else {
                let review = app.dump()
                XCTAssertTrue(
                    review.contains("│ Bild: Größe 42.png — Alternativtext: Tabelle der Schuhgrößen 36 bis 46"), review)
                XCTAssertTrue(
                    review.contains("│ ⚠ export.png hat keinen Alternativtext: Wer einen Screenreader"), review)
            }
        }
    }

    func testNetworksWhoseRepliesTakeNoImagesRefuseAtOnce() throws {
        for (net, name) in [("instagram", "Instagram"), ("youtube", "YouTube"), ("reddit", "Reddit")] {
            var m = mention("n1", "Wo bleibt meine Bestellung?", author: "kai", minutesAgo: 3, platform: net)
            m.reply = ReplyRef(uri: "c1")
            let app = try app(Size(width: 100, height: 30), [m])
            app.press("<Enter>")
            app.type("Hier die Tabelle.")
            app.press("<Esc> :")
            app.type("attach \"Größe 42.png\"")
            app.press("<Enter>")
            XCTAssertTrue(
                app.screen[28].hasPrefix(
                    " \(name) takes only text in replies through its API: send the reply without images (or answer"),
                app.dump())
            XCTAssertFalse(app.dump().contains("images: 1"), app.dump())
            XCTAssertEqual(app.state.mention.drafts.values.map(\.media.count), [0])
        }
        // A file that is neither in the library nor on disk: a clear error, nothing attached.
        let app = try app(Size(width: 100, height: 30))
        app.press("<Enter> <Esc> :")
        app.type("attach Schuhgröße.png")
        app.press("<Enter>")
        XCTAssertEqual(
            app.screen[29].trimmingCharacters(in: .whitespaces),
            "cannot read the media file Schuhgröße.png, and the media library has no file of that name", app.dump())
    }

    func testAnImageWithoutAltTextIsTheReviewsWarningNotNoWarnings() throws {
        var m = mention("p1", "Danke für die schnelle Hilfe!", author: "lea@social.example", minutesAgo: 3)
        m.reply = ReplyRef(uri: "https://social.example/statuses/p1")
        let app = try app(Size(width: 100, height: 30), [m])
        app.press("<Enter>")
        app.type("Gern geschehen!")
        app.press("<Esc> :")
        app.type("attach export.png")
        app.press("<Enter> C-s")
        XCTAssertTrue(
            app.dump().contains("│ ⚠ export.png has no alt text: people using a screen reader will not"), app.dump())
        XCTAssertFalse(app.dump().contains("No warnings."), app.dump())
    }
}
