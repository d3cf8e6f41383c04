import Foundation

/// The model as plain values and raw pointers into the (immortal) shared tables.
struct HotModel: @unchecked Sendable {
    let words: TableView<WordInfo>
    let phrases: TableView<PhraseInfo>
    let emoji: TableView<SIMD4<Float>>
    let germanHeads: TableView<Float>
    let germanPolarFilter: FilterView
    let germanHeadFilter: FilterView
    let english: LinearWeights
    let lexiconOnly: LinearWeights
    let germanShiftPos: Float
    let germanShiftNeg: Float
}
