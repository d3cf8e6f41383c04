import Foundation
import SwitchboardCore
import XCTest

@testable import Listening

final class SecretsTests: XCTestCase {
    private func tempDir() throws -> DataDirectory {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-secrets-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return DataDirectory(root: u)
    }

    func testAnUnreadableSecretSaysWhy() throws {
        let dir = try tempDir()
        XCTAssertThrowsError(
            try Secrets.resolve(file: "secrets/none.token", command: nil, dataDir: dir, what: "token of source m")
        ) {
            XCTAssertEqual(
                "\($0)",
                "cannot read the token of source m from \(dir.root.path)/secrets/none.token: No such file or directory")
        }
        try FileManager.default.createDirectory(
            at: dir.root.appendingPathComponent("secrets/dir.token"),
            withIntermediateDirectories: true)
        XCTAssertThrowsError(try Secrets.resolve(file: "secrets/dir.token", command: nil, dataDir: dir, what: "token"))
        {
            XCTAssertEqual("\($0)", "cannot read the token from \(dir.root.path)/secrets/dir.token: it is a directory")
        }
    }

    func testASecretOthersCanReadIsUsedWithAWarning() throws {
        let dir = try tempDir()
        let file = dir.root.appendingPathComponent("open.token")
        try "abc\n".write(to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0o644)
        let seen = LockedStrings()
        Secrets.setWarningHandler { seen.append($0) }
        defer { Secrets.setWarningHandler { FileHandle.standardError.write(Data(($0 + "\n").utf8)) } }
        XCTAssertEqual(
            try Secrets.resolve(file: "open.token", command: nil, dataDir: dir, what: "token of source m"), "abc")
        XCTAssertEqual(
            seen.all,
            [
                "warning: the token of source m file \(file.path) can be read by everybody (mode 644); run: chmod 600 \(file.path)"
            ])
        chmod(file.path, 0o600)
        XCTAssertEqual(
            try Secrets.resolve(file: "open.token", command: nil, dataDir: dir, what: "token of source m"), "abc")
        XCTAssertEqual(seen.all.count, 1, "no warning for a private file")
    }
}

private final class LockedStrings: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ s: String) { lock.withLock { items.append(s) } }
    var all: [String] { lock.withLock { items } }
}
