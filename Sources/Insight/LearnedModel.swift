import Foundation

/// The learned layer over hashed features (Scripts/train-learned.py): every word, word pair (with a sentence-start
/// marker), word ending (the last four bytes of a word of seven or more: a character n-gram for unknown words,
/// typos and compounds), emoji and the text's language has one weight per output. Outputs 0…6 are the intents
/// (question, complaint, praise, help request, purchase interest, spam, crisis: one-vs-rest logistic scores),
/// 7 and 8 the sentiment toward positive and negative, added to the rule-and-lexicon model's logits.
/// The rule cues (`Scan.cues`) stay in as features, so cue words act as priors the data can overrule.
struct LearnedModel {
    static let outputs = 9
    static let sentimentPos = 7, sentimentNeg = 8
    /// Feature key → weights per output (quantised).
    var table: LearnedTableView?
    /// A bit-array filter over the keys (fits the L2 cache): most absent word pairs miss without a table probe.
    var filter: FilterView?
    var bias = SIMD16<Float>(repeating: 0)
    /// Cue weights per output (row = output).
    var cueWeights = [SIMD16<Float>](repeating: .zero, count: 16)
    /// Decision thresholds on the intent scores (chosen on a split of our own training messages).
    var threshold = SIMD16<Float>(repeating: 0)
    var loaded: Bool { table != nil }

    /// Parses `learned.tsv`: `@bias`, `@threshold` and `@cue.N` rows of 9 numbers, then `HEXKEY<TAB>9 numbers`.
    static func parse(_ lines: [Substring]) -> (LearnedModel, [UInt64: SIMD16<Float>])? {
        var m = LearnedModel()
        var entries: [UInt64: SIMD16<Float>] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            guard let (key, parts) = line.modelFields() else { continue }
            var v = SIMD16<Float>(repeating: 0)
            var k = 0
            for part in parts where k < outputs {
                guard let x = Float(part) else { break }
                v[k] = x
                k += 1
            }
            guard k == outputs else { continue }
            if key == "@bias" {
                m.bias = v
            } else if key == "@threshold" {
                m.threshold = v
            } else if key.hasPrefix("@cue."), let i = Int(key.dropFirst(5)), i >= 0, i < 16 {
                for o in 0..<outputs { m.cueWeights[o][i] = v[o] }
            } else if let h = UInt64(key, radix: 16), h != 0 {
                entries[h] = v
            }
        }
        return entries.isEmpty ? nil : (m, entries)
    }

    /// The sums as floats lane by lane (the generic `SIMD16<Float>(_:)` of integers is an out-of-line call per text).
    @inline(__always) static func floated(_ v: SIMD16<Int32>) -> SIMD16<Float> {
        SIMD16<Float>(
            Float(v[0]), Float(v[1]), Float(v[2]), Float(v[3]), Float(v[4]), Float(v[5]), Float(v[6]), Float(v[7]),
            Float(v[8]), Float(v[9]), Float(v[10]), Float(v[11]), Float(v[12]), Float(v[13]), Float(v[14]),
            Float(v[15]))
    }

    /// The intent and sentiment scores of a scan: learned feature sums + bias + cue weights.
    @inline(__always) func scores(_ r: Scan) -> SIMD16<Float> {
        var s = LearnedModel.floated(r.learned) * (table?.scale ?? .zero) + bias
        for o in 0..<LearnedModel.outputs { s[o] += (cueWeights[o] * r.cues).sum() }
        return s
    }
}

/// Keys of the learned features (distinct from one another by construction, see `LearnedModel`).
enum LearnedKey {
    static let sentenceStart: UInt64 = 0x5EED_0000_0000_0001
    /// Paired with the text's last word (session 18): how a line ends — "…, oder", "…, right", "… rn" — which the
    /// question output reads (chat asks at the end without a mark).
    static let textEnd: UInt64 = 0x5EED_0000_0000_0002
    static let suffixSeed: UInt64 = fnvStep(fnvOffset, UInt8(ascii: "~"))
    @inline(__always) static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let h = phraseKey(a, b) ^ 0x2545_F491_4F6C_DD1D
        return h == 0 ? 1 : h
    }
    @inline(__always) static func emoji(_ cp: UInt32) -> UInt64 { 0xE300_0000_0000_0000 | UInt64(cp) }
    @inline(__always) static func lang(_ l: Lang) -> UInt64 { 0x1A46_0000_0000_0001 &+ UInt64(l.rawValue) }
}
