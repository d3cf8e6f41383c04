import Foundation

/// The model as plain values and raw pointers into the (immortal) shared tables.
struct HotModel: @unchecked Sendable {
    let words: TableView<WordInfo>, phrases: TableView<PhraseInfo>, phraseFilter: FilterView
    let emoji: TableView<SIMD4<Float>>
    let germanHeads: TableView<Float>, germanPolarFilter: FilterView, germanHeadFilter: FilterView
    let english: LinearWeights, lexiconOnly: LinearWeights, germanShiftPos: Float, germanShiftNeg: Float
    let learned: LearnedModel
}
