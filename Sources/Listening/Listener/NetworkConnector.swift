import Foundation
import SwitchboardCore

/// What every network connector (a source, publisher or moderator of one account) is built from: the source's
/// config, the data directory its secrets and ledgers live in, the HTTP client, the request deadline and the clock.
public struct ConnectorSetup: Sendable {
    public var config: SourceConfig
    public var dataDir: DataDirectory
    public var http: HTTPClient
    public var timeout: TimeInterval
    public var now: @Sendable () -> Date

    public init(
        config: SourceConfig, dataDir: DataDirectory, http: HTTPClient, timeout: TimeInterval = 30,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        (self.config, self.dataDir, self.http, self.timeout, self.now) = (config, dataDir, http, timeout, now)
    }

    /// All five, for a connector's initialiser to take apart.
    var parts: (SourceConfig, DataDirectory, HTTPClient, TimeInterval, @Sendable () -> Date) {
        (config, dataDir, http, timeout, now)
    }
}

/// A network connector built from a `ConnectorSetup`; this gives each one the same public initialiser.
public protocol NetworkConnector {
    init(_ setup: ConnectorSetup) throws
}

extension NetworkConnector {
    public init(
        config: SourceConfig, dataDir: DataDirectory, http: HTTPClient, timeout: TimeInterval = 30,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        try self.init(ConnectorSetup(config: config, dataDir: dataDir, http: http, timeout: timeout, now: now))
    }
}

extension ConnectorSetup {
    /// The trimmed value of a config field the source cannot work without, or a configuration error naming `key`
    /// and saying what it holds.
    func required(_ value: String?, _ key: String, _ what: String) throws -> String {
        guard let v = value?.trimmingCharacters(in: .whitespaces), !v.isEmpty else {
            throw SourceError.configuration("source \(config.id): `\(key)` is missing (\(what))")
        }
        return v
    }
}
