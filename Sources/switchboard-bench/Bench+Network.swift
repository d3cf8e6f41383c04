import Foundation
import Listening
import SwitchboardCore

extension Bench {
    /// A fresh temporary data directory for a network bench, with `token` written to `secrets/FILE` (what the
    /// bench's source config names as `token_file`). The caller removes `dir.root` when done.
    static func networkDataDir(_ name: String, tokenFile: String, token: String = "bench-token") throws -> DataDirectory
    {
        let dir = tempDir(name)
        try FileIO.makeDirectory(dir.root)
        try Secrets.write(token, to: dir.root.appendingPathComponent(tokenFile))
        return dir
    }

    /// How many times a second `body` runs, measured for `seconds` (the caller has run it once to warm up).
    static func perSecond(for seconds: Double = 2, _ body: () throws -> Void) rethrows -> Double {
        var n = 0
        let t0 = now()
        while now() - t0 < seconds {
            try body()
            n += 1
        }
        return Double(n) / (now() - t0)
    }
}

extension Bench {
    /// Decodes `page` once to warm up, then as often as it can for `seconds`, and prints the row
    /// `WHAT page decode (DETAIL, N KB)`: pages a second and `items` × that many UNIT a second (then `note`).
    static func decodeRow(
        _ what: String, _ detail: String, page: Data, items: Int, unit: String, note: String = "",
        seconds: Double = 2, decode: (Data) throws -> Void
    ) rethrows {
        try decode(page)
        let rate = try perSecond(for: seconds) { try decode(page) }
        row(
            "\(what) page decode (\(detail), \(page.count / 1024) KB)",
            "\(Int(rate)) pages/s (\(Int(rate * Double(items))) \(unit)/s\(note))")
    }
}
