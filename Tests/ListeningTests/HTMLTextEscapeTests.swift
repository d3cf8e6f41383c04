import Foundation
import XCTest

@testable import Listening

/// Found by `Scripts/fuzz html`: an ESC followed by a multi-byte character made the cleaner skip half of the
/// character, read a continuation byte as a lead byte and decode it (with a following `[`) into a live ESC.
final class HTMLTextEscapeTests: XCTestCase {
    func testEscapeBeforeAMultiByteCharacterNeverBecomesAnEscape() {
        for input in ["a\u{1B}\u{80}[31mred", "\u{1B}î\n", "x\u{1B}é[2J y", "\u{1B}👍[0m"] {
            for out in [
                HTMLText.clean(input), HTMLText.clean(input, keepNewlines: true), HTMLText.text(fromHTML: input),
                HTMLText.decodeEntities(input),
            ] {
                XCTAssertFalse(
                    out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
                    "\(input.debugDescription) → \(out.debugDescription)")
            }
        }
        XCTAssertEqual(HTMLText.clean("x\u{1B}é y"), "xé y", "only the ESC goes; the character after it stays whole")
    }
}
