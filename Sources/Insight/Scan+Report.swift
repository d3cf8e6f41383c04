import Foundation
import SwitchboardCore

extension Scan {
    /// A report of a problem, not a complaint about it (issue 22, sixth pass): a news verb ("meldet", "laut",
    /// "according to", "said"), and the writer neither speaks for themselves nor addresses anyone (no first or
    /// second person, no @mention), shows no feeling (no emoji or emoticon with a sentiment, no "!", no irony) and
    /// asks nothing, and no breach of expectation ("schon wieder", "still no", a waiting time) is stated.
    /// "Die Bahn meldet Ausfälle wegen des Streiks." reports; "Schon wieder Ausfall, danke @DB" complains.
    var reportStyle: Bool {
        newsVerb && dense[8] == 0 && mentions == 0 && dense[2] == 0 && dense[3] == 0 && !exclaimed && dense[5] == 0
            && !irony && breach == 0 && negatedExpect == 0 && !repeated
    }
}
