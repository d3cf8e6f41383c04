import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a JSON Lines stream block by block, handing over complete lines only (a line longer than a block is
/// read whole), so a file of any size is processed in bounded memory. The last line may lack its newline.
public enum LineBlocks {
    public static let defaultBlock = 8 << 20

    /// Calls `body` with the lines of each block and the 1-based number of its first line.
    public static func forEach(
        fd: Int32, path: String, block: Int = defaultBlock,
        _ body: (_ lines: [LogLine], _ firstLine: Int) throws -> Void
    ) throws {
        var carry = [UInt8]()
        var firstLine = 1
        var buf = [UInt8](repeating: 0, count: block)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress!, block) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SwitchboardError("cannot read \(path): \(FileIO.errnoText())")
            }
            if n == 0 { break }
            carry.append(contentsOf: buf[0..<n])
            guard let nl = carry.lastIndex(of: 10) else { continue }
            let complete = Array(carry[...nl])
            carry.removeSubrange(...nl)
            let lines = LineSplitter.split(complete)
            try body(lines, firstLine)
            firstLine += lines.count
        }
        if !carry.isEmpty { try body(LineSplitter.split(carry), firstLine) }
    }

    /// The same for a file.
    public static func forEach(
        _ file: URL, block: Int = defaultBlock, _ body: (_ lines: [LogLine], _ firstLine: Int) throws -> Void
    ) throws {
        let fd = open(file.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SwitchboardError("cannot read \(file.path): \(FileIO.errnoText())") }
        defer { close(fd) }
        try forEach(fd: fd, path: file.path, block: block, body)
    }
}
