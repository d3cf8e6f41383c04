import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `ingest` into a large history without reading every key: a store opened `.keysOnly` with a `KeyIndex` (what the
/// history index knows) starts each mention log where the index finished reading it, keeps the keys of what follows
/// (what the index has not caught up with: another process's appends), and asks the index about the rest. The index
/// only answers for bytes it read; if it cannot answer (an error, a log rewritten under it) the store reads every key
/// as before. Such a store stores mentions and nothing else: it reads no analysis and no actions (their ends are
/// noted, as `.actionsOnly` notes the mention logs').
extension Store {
    /// What a history index knows of the mention logs (made by `HistoryIndex.keyIndex()`).
    public struct KeyIndex: Sendable {
        public struct Position: Sendable, Equatable {
            public var offset: Int, inode: UInt64, lines: Int
            public init(offset: Int, inode: UInt64, lines: Int) {
                (self.offset, self.inode, self.lines) = (offset, inode, lines)
            }
        }
        /// How far the index read each mention log (by its name under `log/`, `DataDirectory.logName`): every record
        /// before the offset is in the index; the inode it had then.
        public var covered: [String: Position]
        /// The identity (`Mention.identity`) of each of `keys` the index holds a mention for.
        public var identities: @Sendable (_ keys: [String]) throws -> [String: String]

        public init(
            covered: [String: Position], identities: @escaping @Sendable (_ keys: [String]) throws -> [String: String]
        ) {
            (self.covered, self.identities) = (covered, identities)
        }
    }

    /// Starts each mention log where the index finished reading it (call before the first `refresh`). Nothing is
    /// taken from the index unless every log it read is still the one it read (same inode, not shorter).
    func adopt(_ index: KeyIndex) {
        var starts: [String: Cursor] = [:]
        for file in logFiles(.mentions) {
            guard let pos = index.covered[dir.logName(file)], pos.offset > 0 else { continue }
            var st = stat()
            guard stat(file.path, &st) == 0, UInt64(st.st_ino) == pos.inode, Int(st.st_size) >= pos.offset else {
                return
            }
            // No tail bytes: should the log be replaced from here on, the store reads everything again (`reset`).
            starts[file.path] = Cursor(offset: pos.offset, inode: pos.inode, line: pos.lines)
        }
        for (path, cur) in starts { cursors[path] = cur }
        keyIndex = index
    }

    /// Asks the index about the keys it was not yet asked about (answers kept until `forgetIndexAnswers`). Should it
    /// fail, the index is dropped and every key read from the logs (the answer is then the store's own).
    /// `inTail`: asked while a log tail is read — then the logs are read again once that read is done
    /// (`readAgainIfIndexFailed`), not from inside it.
    func lookUp(_ keys: [String], inTail: Bool = false) throws {
        guard let index = keyIndex else { return }
        let ask = keys.filter { keyIdentity[$0] == nil && indexAnswers[$0] == nil }
        guard !ask.isEmpty else { return }
        do {
            let found = try index.identities(Array(Set(ask)))
            for k in ask { indexAnswers[k] = found[k] ?? "" }
        } catch {
            _warnings.append("index/history.sqlite: \(error); every stored key is read from the logs instead")
            if inTail {
                (keyIndex, indexAnswers, indexFailed) = (nil, [:], true)
            } else {
                reset()
                ownChanges.merge(try refreshAll())
            }
        }
    }

    /// After a tail read during which the index failed: every key is read from the logs (true: it was).
    func readAgainIfIndexFailed(into changes: inout StoreChanges) throws -> Bool {
        guard indexFailed else { return false }
        indexFailed = false
        reset()
        changes = try refreshAll()
        changes.reloaded = true
        return true
    }

    /// Forgets the index's answers (they are asked again when needed; memory stays at one batch's keys).
    func forgetIndexAnswers() { indexAnswers.removeAll(keepingCapacity: true) }

    /// The identity of a stored `key` the index answered for (nil: not asked, or not in the index).
    func indexedIdentity(_ key: String) -> String? {
        guard let a = indexAnswers[key], !a.isEmpty else { return nil }
        return a
    }
}
