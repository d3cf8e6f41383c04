import Foundation
import ScreenKit

extension FuzzTarget {
    /// ScreenKit's `Sanitizer`: whatever the input, no C0/C1 control, ESC, DEL, bidi control or hidden
    /// format character survives; `line` has no newline; the result is clean, and sanitising it again
    /// changes nothing; clean input comes back unchanged.
    public static let sanitizer = FuzzTarget(
        name: "sanitizer", summary: "ScreenKit Sanitizer: nothing unsafe survives, idempotent"
    ) { data in
        let s = Invariants.text(data)
        let line = Sanitizer.line(s)
        let text = Sanitizer.text(s)
        try Invariants.terminalSafe(line, "Sanitizer.line", newlines: false)
        try Invariants.terminalSafe(text, "Sanitizer.text", newlines: true)
        try checkFormatCharacters(line, "Sanitizer.line")
        try checkFormatCharacters(text, "Sanitizer.text")
        guard Sanitizer.isClean(line) else {
            throw FuzzViolation("isClean(line(s)) is false for \(line.debugDescription)")
        }
        guard Sanitizer.isClean(text, keepNewlines: true) else {
            throw FuzzViolation("isClean(text(s), keepNewlines: true) is false for \(text.debugDescription)")
        }
        guard Sanitizer.line(line) == line else {
            throw FuzzViolation("line is not idempotent for \(s.debugDescription)")
        }
        guard Sanitizer.text(text) == text else {
            throw FuzzViolation("text is not idempotent for \(s.debugDescription)")
        }
        if Sanitizer.isClean(s), line != s { throw FuzzViolation("clean input changed by line: \(s.debugDescription)") }
        if Sanitizer.isClean(s, keepNewlines: true), text != s {
            throw FuzzViolation("clean input changed by text: \(s.debugDescription)")
        }
        // Without newlines the two agree.
        if !s.unicodeScalars.contains(where: { [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) }),
            line != text
        {
            throw FuzzViolation("line and text differ on input without newlines: \(s.debugDescription)")
        }
    }

    /// Invisible format characters the sanitiser promises to remove (besides what `Invariants.unsafeScalar` checks).
    static func checkFormatCharacters(_ s: String, _ what: String) throws {
        var previous: Unicode.Scalar = " "
        for u in s.unicodeScalars {
            let v = u.value
            let hidden =
                v == 0xAD || v == 0x200B || (0x2060...0x2064).contains(v) || v == 0xFEFF
                || (0xFFF9...0xFFFB).contains(v)
                || v == 0x2028 || v == 0x2029
            let loneTag =
                (0xE0000...0xE007F).contains(v)
                && !(v >= 0xE0020 && (previous.value == 0x1F3F4 || (0xE0020...0xE007F).contains(previous.value)))
            if hidden || loneTag {
                throw FuzzViolation(
                    "\(what) holds hidden U+\(String(v, radix: 16, uppercase: true)): \(s.debugDescription.prefix(200))"
                )
            }
            previous = u
        }
    }
}
