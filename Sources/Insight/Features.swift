import Foundation
import SwitchboardCore

/// Dense rule features the learned model combines (Scripts/train-sentiment.py reads them via `analyze --features`).
enum Features {
    static let denseCount = 10
    static let names = [
        "pos", "neg", "emoji_pos", "emoji_neg", "exclaim", "question", "irony", "length", "personal", "url",
    ]
}
