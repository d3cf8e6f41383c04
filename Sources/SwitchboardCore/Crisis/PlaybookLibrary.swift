import Foundation

/// The playbooks of a data directory (`playbooks/*.json`), with the files that cannot be used and why.
public struct PlaybookLibrary: Sendable {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The file, relative to the data directory (`playbooks/outage.json`).
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    /// Playbooks that load and validate, by name.
    public var playbooks: [Playbook]
    /// One entry per problem: the file, then the step and field (`playbooks/x.json: step 2 (notify): field "due": …`).
    public var problems: [Problem]

    public init(playbooks: [Playbook], problems: [Problem] = []) {
        (self.playbooks, self.problems) = (playbooks, problems)
    }

    public static func load(_ dir: DataDirectory) -> PlaybookLibrary {
        let files =
            ((try? FileManager.default.contentsOfDirectory(at: dir.playbooksDir, includingPropertiesForKeys: nil))
            ?? [])
            .filter { $0.pathExtension == "json" && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var out = PlaybookLibrary(playbooks: [])
        var ids: [String: String] = [:]
        for f in files {
            let rel = "playbooks/" + f.lastPathComponent
            let (p, problems) = check(file: f)
            out.problems += problems.map { Problem(file: rel, message: $0) }
            guard let p, problems.isEmpty else { continue }
            if let other = ids[p.id] {
                out.problems.append(Problem(file: rel, message: "field \"id\": \"\(p.id)\" is used by \(other) too"))
                continue
            }
            ids[p.id] = rel
            out.playbooks.append(p)
        }
        out.playbooks.sort { $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending }
        return out
    }

    /// Reads and validates one playbook file: the playbook when it parses, and every problem found, each naming the
    /// step and field.
    public static func check(file: URL) -> (Playbook?, [String]) {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            return (nil, ["cannot read: \((error as NSError).localizedDescription)"])
        }
        do {
            let p = try FileIO.decodeDocument(Playbook.self, from: data, name: "")
            return (p, p.validate())
        } catch {
            var msg = "\(error)"
            if msg.hasPrefix(": ") { msg.removeFirst(2) }
            return (nil, [explain(msg, data: data)])
        }
    }

    /// `field steps[2].due: missing` → `step 3 (notify-it): field "due": missing`, so a person finds the step.
    static func explain(_ message: String, data: Data) -> String {
        for (key, label) in [
            ("steps", "step"), ("holding_statements", "holding statement"), ("escalation", "escalation"),
        ] {
            let prefix = "field \(key)["
            guard message.hasPrefix(prefix) else { continue }
            let rest = message.dropFirst(prefix.count)
            guard let close = rest.firstIndex(of: "]"), let n = Int(rest[..<close]) else { continue }
            var after = rest[rest.index(after: close)...]
            var field = ""
            if after.hasPrefix(".") {
                after = after.dropFirst()
                let name = after.prefix { $0 != ":" }
                field = " field \"\(name)\""
                after = after.dropFirst(name.count)
            }
            var id = ""
            if let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let arr = obj[key] as? [Any],
                n < arr.count,
                let el = arr[n] as? [String: Any]
            {
                id = (el["id"] as? String ?? el["role"] as? String).map { " (\($0))" } ?? ""
            }
            var detail = String(after)
            if field == " field \"kind\"", detail.contains("Cannot initialize") {
                detail = ": must be one of " + Playbook.StepKind.allCases.map(\.rawValue).joined(separator: ", ")
            }
            return "\(label) \(n + 1)\(id):\(field)\(detail)"
        }
        return message
    }

    /// A playbook by id, name, file name or unambiguous prefix (case-insensitive).
    public func resolve(_ s: String) throws -> Playbook {
        let q = s.lowercased().replacingOccurrences(of: ".json", with: "")
        if let p = playbooks.first(where: { $0.id.lowercased() == q || $0.name.lowercased() == q }) { return p }
        var hits = playbooks.filter { $0.id.lowercased().hasPrefix(q) || $0.name.lowercased().hasPrefix(q) }
        if hits.isEmpty, !q.isEmpty {
            hits = playbooks.filter { $0.id.lowercased().contains(q) || $0.name.lowercased().contains(q) }
        }
        if hits.count == 1 { return hits[0] }
        if let bad = problems.first(where: { $0.file.lowercased().contains(q) }) {
            throw CrisisError(
                "the playbook \(bad.file) cannot be used: "
                    + "\(problems.filter { $0.file == bad.file }.map(\.message).joined(separator: "; "))"
            )
        }
        let names = playbooks.map(\.id).joined(separator: ", ")
        throw CrisisError(
            hits.isEmpty
                ? "no playbook \"\(s)\" (have: \(names.isEmpty ? "none — switchboard init writes three" : names))"
                : "\"\(s)\" matches several playbooks: \(hits.map(\.id).joined(separator: ", "))")
    }

    /// The playbook to offer for a spike: one whose keywords appear in the recent negative texts (most hits wins),
    /// else the first that asks for negative spikes (for a negative spike).
    public func suggest(negativeSpike: Bool, recentTexts: [String]) -> Playbook? {
        let lowered = recentTexts.map { $0.lowercased() }
        var best: (Playbook, Int)?
        for p in playbooks {
            let hits = (p.triggers?.keywords ?? []).reduce(0) { n, k in
                let kk = k.lowercased()
                return kk.isEmpty ? n : n + lowered.filter { $0.contains(kk) }.count
            }
            if hits > 0, hits > (best?.1 ?? 0) { best = (p, hits) }
        }
        if let best { return best.0 }
        return negativeSpike ? playbooks.first { $0.triggers?.negativeSpike == true } : nil
    }
}
