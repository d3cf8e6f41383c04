import Foundation
import SwitchboardCore

/// Notices edits of team.json while the workbench runs: one `stat` per check (modification time, size, inode),
/// a read and a parse only when they changed. Made before team.json is first read (Workbench.swift), so an edit
/// in between is not missed.
public struct TeamWatch: Sendable {
    let file: URL
    private var stamp: [Int]?

    public init(file: URL) {
        self.file = file
        stamp = TeamWatch.stamp(file)
    }

    /// `.teamChanged` with the new config, `.teamBroken` with file, line and column, or nil when nothing changed.
    public mutating func check() -> Message? {
        let now = TeamWatch.stamp(file)
        guard now != stamp else { return nil }
        stamp = now
        guard now != nil else { return .teamBroken("\(file.path): the file was removed") }
        do { return .teamChanged(try FileIO.readDocument(TeamConfig.self, from: file)) } catch {
            return .teamBroken("\(error)")
        }
    }

    static func stamp(_ file: URL) -> [Int]? {
        var st = stat()
        guard stat(file.path, &st) == 0 else { return nil }
        return [Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec), Int(st.st_size), Int(st.st_ino)]
    }
}
