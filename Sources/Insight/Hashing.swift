/// FNV-1a over normalised UTF-8 bytes: the key of every word, phrase and weight table.
@usableFromInline let fnvOffset: UInt64 = 0xcbf29ce484222325
@usableFromInline let fnvPrime: UInt64 = 0x100000001b3

@inline(__always) func fnvStep(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* fnvPrime }

@inline(__always) func fnv(_ p: UnsafeMutablePointer<UInt8>, _ n: Int, seed: UInt64 = fnvOffset) -> UInt64 {
    var h = seed
    for i in 0..<n { h = fnvStep(h, p[i]) }
    return h == 0 ? 1 : h
}

/// The key of a two-word phrase from the keys of its words.
@inline(__always) func phraseKey(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let h = (a &* 0x9E3779B97F4A7C15) ^ (b &+ 0x632BE59BD9B4E019)
    return h == 0 ? 1 : h
}

/// Hash of `!word` (a word inside a negation scope) from the plain word's bytes.
let negationSeed: UInt64 = fnvStep(fnvOffset, UInt8(ascii: "!"))
