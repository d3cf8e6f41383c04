import Foundation

/// One line of a JSON Lines file, without its newline.
public struct LogLine: Sendable {
    /// 0-based line number within the chunk.
    public var number: Int
    public var bytes: ArraySlice<UInt8>
    public var isBlank: Bool { bytes.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 } }
}

public enum LineSplitter {
    public static func split(_ data: Data) -> [LogLine] { split([UInt8](data)) }

    public static func split(_ bytes: [UInt8]) -> [LogLine] {
        var out: [LogLine] = []
        out.reserveCapacity(bytes.count / 300 + 1)
        var start = 0
        var n = 0
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                guard let p = memchr(b.baseAddress! + i, 10, b.count - i) else { break }
                let j = b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
                out.append(LogLine(number: n, bytes: bytes[start..<j]))
                start = j + 1
                n += 1
                i = j + 1
            }
        }
        if start < bytes.count { out.append(LogLine(number: n, bytes: bytes[start..<bytes.count])) }
        return out
    }
}

/// Decodes JSON Lines records, spreading large batches over the available cores. A line that does
/// not decode gives a reason instead of a record and never stops the others.
public enum RecordDecoder {
    public static func decode<T: Decodable & Sendable>(
        _ type: T.Type, lines: [LogLine],
        fast: (@Sendable (UnsafeBufferPointer<UInt8>) -> T?)? = nil
    ) -> [Result<T, LineError>] {
        let n = lines.count
        if n < 2000 { return decodeRange(type, lines: lines, 0..<n, fast: fast) }
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = (n + chunks - 1) / chunks
        let box = ResultBox<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = c * size
            let hi = min(n, lo + size)
            box.set(c, lo < hi ? decodeRange(type, lines: lines, lo..<hi, fast: fast) : [])
        }
        return box.joined()
    }

    /// Records decoded in order, in batches (no per-record wrapper to copy), and the lines that failed.
    public struct Batches<T> {
        public struct Batch {
            public var lines: [Int] = []
            public var records: [T] = []
            public init(lines: [Int] = [], records: [T] = []) { (self.lines, self.records) = (lines, records) }
        }
        public var batches: [Batch]
        public var failures: [(line: Int, reason: LineError)]
        public init(batches: [Batch], failures: [(line: Int, reason: LineError)]) {
            (self.batches, self.failures) = (batches, failures)
        }
    }

    public static func decodeBatches<T: Decodable & Sendable>(
        _ type: T.Type, lines: [LogLine],
        fast: (@Sendable (UnsafeBufferPointer<UInt8>) -> T?)? = nil
    ) -> Batches<T> {
        let n = lines.count
        let chunks = n < 2000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = (n + chunks - 1) / max(chunks, 1)
        let box = BatchBox<T>(count: chunks)
        let work: @Sendable (Int) -> Void = { c in
            let lo = c * size
            let hi = min(n, lo + size)
            var batch = Batches<T>.Batch()
            var failures: [(line: Int, reason: LineError)] = []
            batch.records.reserveCapacity(max(0, hi - lo))
            batch.lines.reserveCapacity(max(0, hi - lo))
            let dec = JSONDecoder()
            dec.dateDecodingStrategy = .switchboard
            if lo < hi {
                for i in lo..<hi {
                    if let fast, let v = lines[i].bytes.withUnsafeBufferPointer({ fast($0) }) {
                        batch.records.append(v)
                        batch.lines.append(i)
                        continue
                    }
                    let data = Data(lines[i].bytes)
                    do {
                        batch.records.append(try dec.decode(type, from: data))
                        batch.lines.append(i)
                    } catch let e as DecodingError {
                        failures.append((i, LineError(FileIO.describe(e, data: data))))
                    } catch let e as NewerVersionError {
                        failures.append((i, LineError(e.description, newerVersion: true)))
                    } catch {
                        failures.append((i, LineError("\(error)")))
                    }
                }
            }
            box.set(c, batch, failures)
        }
        if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
        return Batches(batches: box.batches, failures: box.failures.flatMap { $0 })
    }

    final class BatchBox<T>: @unchecked Sendable {
        var batches: [Batches<T>.Batch]
        var failures: [[(line: Int, reason: LineError)]]
        let lock = NSLock()
        init(count: Int) {
            batches = Array(repeating: .init(), count: count)
            failures = Array(repeating: [], count: count)
        }
        func set(_ i: Int, _ b: Batches<T>.Batch, _ f: [(line: Int, reason: LineError)]) {
            lock.withLock {
                batches[i] = b
                failures[i] = f
            }
        }
    }

    static func decodeRange<T: Decodable>(
        _ type: T.Type, lines: [LogLine], _ r: Range<Int>,
        fast: ((UnsafeBufferPointer<UInt8>) -> T?)?
    ) -> [Result<T, LineError>] {
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .switchboard
        var out: [Result<T, LineError>] = []
        out.reserveCapacity(r.count)
        for i in r {
            if let fast, let v = lines[i].bytes.withUnsafeBufferPointer({ fast($0) }) {
                out.append(.success(v))
                continue
            }
            let data = Data(lines[i].bytes)
            do { out.append(.success(try dec.decode(type, from: data))) } catch let e as DecodingError {
                out.append(.failure(LineError(FileIO.describe(e, data: data))))
            } catch let e as NewerVersionError {
                out.append(.failure(LineError(e.description, newerVersion: true)))
            } catch {
                out.append(.failure(LineError("\(error)")))
            }
        }
        return out
    }

    final class ResultBox<T>: @unchecked Sendable {
        var parts: [[Result<T, LineError>]]
        let lock = NSLock()
        init(count: Int) { parts = Array(repeating: [], count: count) }
        func set(_ i: Int, _ v: [Result<T, LineError>]) { lock.withLock { parts[i] = v } }
        func joined() -> [Result<T, LineError>] {
            if parts.count == 1 { return parts[0] }
            var out: [Result<T, LineError>] = []
            out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for i in parts.indices { out.append(contentsOf: parts[i]); parts[i] = [] }
            return out
        }
    }
}

public struct LineError: Error, CustomStringConvertible, Sendable {
    public var description: String
    /// The line was written by a newer version of Switchboard: kept as it is, never rewritten or set aside.
    public var newerVersion = false
    public init(_ d: String, newerVersion: Bool = false) {
        description = d
        self.newerVersion = newerVersion
    }
}
