import Foundation

extension CrisisOps {
    /// The time zone reports are written in: the team's, else the machine's.
    public static func timeZone(_ team: TeamConfig?) -> TimeZone {
        team?.timezone.flatMap { TimeZone(identifier: $0) } ?? .current
    }

    /// Writes `crisis/reports/ID.md` and `ID.json` (atomically); returns the Markdown file.
    @discardableResult
    public static func writeReport(_ run: CrisisRun, store: Store, team: TeamConfig?, now: Date = Date()) throws -> URL
    {
        let r = CrisisReport(run: run, store: store, now: now)
        let dir = store.dir.root.appendingPathComponent("crisis/reports")
        try FileIO.makeDirectory(store.dir.root.appendingPathComponent("crisis"))
        try FileIO.makeDirectory(dir)
        let md = dir.appendingPathComponent(run.id + ".md")
        try FileIO.writeDocument(Data(r.markdown(timeZone: timeZone(team)).utf8), to: md)
        try FileIO.writeDocument(try r.json(), to: dir.appendingPathComponent(run.id + ".json"))
        return md
    }
}
