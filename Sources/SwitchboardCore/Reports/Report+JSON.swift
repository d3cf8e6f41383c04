import Foundation

extension Report {
    /// The report as one JSON document (snake_case keys, UTC ISO 8601 instants, durations in seconds, shares as
    /// fractions, `null` where there is nothing to measure). Reads back with `Report.decode`.
    public func json(pretty: Bool = true) throws -> Data {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .switchboard
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self)
    }

    public static func decode(_ data: Data) throws -> Report {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .switchboard
        d.keyDecodingStrategy = .convertFromSnakeCase
        return try d.decode(Report.self, from: data)
    }
}
