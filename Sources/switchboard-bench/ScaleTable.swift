import Foundation

/// One row of the scale table: a figure at each size, and how it grows from the smallest to the largest size.
struct ScaleRow {
    enum Kind: String {
        /// Items per second: constant when the total work grows linearly.
        case throughput
        /// A duration or an amount (time, memory, bytes) that is expected to grow with the store.
        case total
        /// A per-operation latency or per-keypress cost: ideally flat.
        case perOperation
    }
    var name: String, unit: String, kind: Kind, values: [Double?]

    /// value(largest) / value(smallest), over the sizes that have a value.
    func growth(sizes: [Int]) -> (factor: Double, exponent: Double)? {
        let pairs = zip(sizes, values).compactMap { s, v in v.map { (s, $0) } }
        guard let a = pairs.first, let b = pairs.last, b.0 > a.0, a.1 > 0, b.1 > 0 else { return nil }
        let factor = b.1 / a.1
        let n = log(Double(b.0) / Double(a.0))
        // The exponent of the cost in N: for a rate, the total time N/rate.
        let e = kind == .throughput ? 1 - log(factor) / n : log(factor) / n
        return (factor, e)
    }

    func verdict(sizes: [Int]) -> String {
        guard let g = growth(sizes: sizes) else { return "" }
        let e = g.exponent
        if kind == .total, let m = marginal(sizes: sizes), e < 0.85 || e > 1.15 {
            // A fixed base (the runtime, the process) hides linear growth in the end-to-end exponent: judge by
            // what each extra mention costs between the last two sizes against the first two.
            let shape = m < 0.8 ? "sublinear" : m <= 1.25 ? "linear" : "superlinear"
            return String(format: "%@ above a base (N^%.2f, marginal ×%.2f)", shape, e, m)
        }
        let shape = e < 0.15 ? "flat" : e < 0.85 ? "sublinear" : e <= 1.15 ? "linear" : "superlinear"
        return String(format: "%@ (N^%.2f)", shape, e)
    }

    /// (v3 − v2)/(n3 − n2) over (v2 − v1)/(n2 − n1) for the first and last two of three or more sizes.
    func marginal(sizes: [Int]) -> Double? {
        let pairs = zip(sizes, values).compactMap { s, v in v.map { (Double(s), $0) } }
        guard pairs.count >= 3 else { return nil }
        let (a, b) = (pairs[0], pairs[1])
        let (c, d) = (pairs[pairs.count - 2], pairs[pairs.count - 1])
        let m1 = (b.1 - a.1) / (b.0 - a.0)
        let m2 = (d.1 - c.1) / (d.0 - c.0)
        return m1 > 0 ? m2 / m1 : nil
    }

    func format(_ v: Double?) -> String {
        guard let v else { return "—" }
        switch unit {
        case "/s": return ScaleTable.grouped(v) + "/s"
        case "s": return v < 1 ? String(format: "%.0f ms", v * 1000) : String(format: "%.2f s", v)
        case "ms": return v < 10 ? String(format: "%.2f ms", v) : String(format: "%.1f ms", v)
        case "MB": return v < 10 ? String(format: "%.1f MB", v) : String(format: "%.0f MB", v)
        case "B": return ScaleTable.grouped(v) + " B"
        case "×": return String(format: "%.2f×", v)
        default: return ScaleTable.grouped(v) + unit
        }
    }
}

enum ScaleTable {
    static func grouped(_ v: Double) -> String {
        let n = Int(v.rounded())
        var s = String(abs(n))
        var i = s.count - 3
        while i > 0 { s.insert(",", at: s.index(s.startIndex, offsetBy: i)); i -= 3 }
        return (n < 0 ? "-" : "") + s
    }

    static func label(_ n: Int) -> String {
        n >= 1_000_000 && n % 1_000_000 == 0
            ? "\(n / 1_000_000)M" : n >= 1000 && n % 1000 == 0 ? "\(n / 1000)k" : "\(n)"
    }

    /// A Markdown table (readable as plain text too): figure | each size | growth | scaling.
    static func render(_ rows: [ScaleRow], sizes: [Int]) -> String {
        let first = label(sizes.first ?? 0)
        let last = label(sizes.last ?? 0)
        var header = ["figure"] + sizes.map(label)
        if sizes.count > 1 {
            header += [
                "growth \(first)→\(last)",
                "scaling (size ×\(grouped(Double((sizes.last ?? 1) / max(1, sizes.first ?? 1)))))",
            ]
        }
        var table = [header]
        for r in rows {
            var cells = [r.name] + r.values.map(r.format)
            if sizes.count > 1 {
                cells.append(r.growth(sizes: sizes).map { String(format: "×%.2f", $0.factor) } ?? "")
                cells.append(r.verdict(sizes: sizes))
            }
            table.append(cells)
        }
        return markdown(table)
    }

    static func markdown(_ table: [[String]]) -> String {
        let cols = table.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: cols)
        for row in table { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ row: [String]) -> String {
            "| "
                + (0..<cols).map { i in
                    let c = i < row.count ? row[i] : ""
                    return i == 0
                        ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[i] - c.count) + c
                }.joined(separator: " | ") + " |"
        }
        var out = [
            line(table[0]),
            "|"
                + widths.enumerated().map { i, w in
                    i == 0 ? String(repeating: "-", count: w + 2) : String(repeating: "-", count: w + 1) + ":"
                }.joined(separator: "|") + "|",
        ]
        out += table.dropFirst().map(line)
        return out.joined(separator: "\n")
    }

    /// The rows as JSON objects: name, unit, kind, values by size label, growth factor and exponent.
    static func json(_ rows: [ScaleRow], sizes: [Int]) -> [[String: Any]] {
        rows.map { r in
            var values: [String: Any] = [:]
            for (s, v) in zip(sizes, r.values) { values[label(s)] = v ?? NSNull() }
            var o: [String: Any] = ["figure": r.name, "unit": r.unit, "kind": r.kind.rawValue, "values": values]
            if let g = r.growth(sizes: sizes) {
                o["growth"] = g.factor
                o["exponent"] = g.exponent
                o["scaling"] = r.verdict(sizes: sizes)
            }
            return o
        }
    }
}
