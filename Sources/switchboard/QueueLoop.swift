import Foundation
import Listening
import SwitchboardCore

/// Publishes due queue items every few seconds while the listener runs (next to `OutboxLoop`).
enum QueueLoop {
    static func run(store: Store, logger: LineLogger, every seconds: Double = 5) async {
        let publisher = QueuePublisher(store: store, actor: Actor.current())
        let http = URLSessionHTTPClient(timeout: 30)
        while !Task.isCancelled {
            if let team = try? FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile) {
                for r in await publisher.publishDue(publisherFor: QueuePublisher.publishers(team: team, dataDir: store.dir, http: http)) {
                    switch r.outcome {
                    case .published: logger.write("\(Timestamp.format(Date())) queue \(r.id) → \(r.account): published \(r.url ?? "")")
                    case .failed: logger.write("\(Timestamp.format(Date())) queue \(r.id) → \(r.account): failed: \(r.message ?? "")")
                    case .suspended: logger.write("\(Timestamp.format(Date())) queue \(r.id) → \(r.account): held (suspended)")
                    case .skipped: break
                    }
                }
            }
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
        }
    }
}
