import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 21 in the composer: a German reply too long for one post (a thread), with an image and unsaved, leaves
/// facts off its separator rather than cutting a word, and the mention's score has a decimal comma.
final class GermanComposerTests: XCTestCase {
    override func setUp() { L10n.use(.de) }
    override func tearDown() { L10n.use(.en) }

    static let reply =
        "Hallo Lena, das tut uns sehr leid. Die Rückerstattung ist angewiesen und kommt in drei bis fünf Werktagen "
        + "auf deinem Konto an. Falls nicht, melde dich bitte direkt hier bei uns, dann kümmern wir uns persönlich "
        + "darum. Entschuldige den Ärger und danke für deine Geduld mit uns in dieser anstrengenden Woche. "
        + "Viele Grüße aus dem Kundenservice von Nordlicht Energie, dein Team aus Hamburg und Berlin. "
        + "Wir melden uns morgen noch einmal mit dem Stand der Dinge, versprochen. Bis dahin hilft dir unser "
        + "Kundenservice auch telefonisch weiter, werktags von acht bis achtzehn Uhr."

    func testALongGermanReplyWithAnImageCutsNoWord() throws {
        let vocabulary = Set(L10n.catalogue(.de).values.flatMap(GermanScreenTests.words))
        let content = GermanFixtures.contentWords.union(
            GermanScreenTests.words(GermanComposerTests.reply + " Unser Logo logo png"))
        for size in [Size(width: 100, height: 30), Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let app = try GermanFixtures.app(size: size)
            let image = app.root.appendingPathComponent("logo.png")
            try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64)).write(
                to: image)
            app.press("1 <Enter>")
            app.type(GermanComposerTests.reply)
            app.press("<Tab> :"); app.type("attach \(image.path) Unser Logo"); app.press("<Enter>")
            let place = "\(size.width)×\(size.height)"
            let screen = app.dump()
            XCTAssertTrue(screen.contains("als 2 Beiträge"), "no thread split shown at \(place):\n\(screen)")
            XCTAssertTrue(screen.contains("(-0,"), "the score without a decimal comma at \(place):\n\(screen)")
            XCTAssertFalse(screen.contains("(-0."), "a decimal point on the German screen at \(place):\n\(screen)")
            for line in GermanScreenTests.overlayOnly(app) {
                for word in GermanScreenTests.cutWords(line, vocabulary: vocabulary, content: content) {
                    XCTFail("\"\(word)\" cut mid-word at \(place):\n\(screen)")
                }
            }
            let found = GermanDayTests.englishWords(app, content: content)
            XCTAssertEqual(found, [], "English on the German screen at \(place):\n\(screen)")
        }
    }
}
