import Foundation
import XCTest

/// Base of the workbench end-to-end tests: closes every tmux session at the end and runs the real binary
/// for setup steps (init, ingest) as user "e2e".
class EndToEndTestCase: XCTestCase {
    var sessions: [TmuxSession] = []
    override func tearDown() {
        for s in sessions { s.close() }
        sessions = []
    }

    /// Runs `switchboard ARGS` to completion, feeding `stdin`; returns its exit status.
    @discardableResult
    func run(_ args: [String], stdin: String? = nil) throws -> Int32 {
        let p = Process()
        p.executableURL = try TmuxSession.switchboardBinary()
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(["SWITCHBOARD_USER": "e2e"]) { $1 }
        let inp = Pipe()
        p.standardInput = inp
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
