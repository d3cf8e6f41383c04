import ArgumentParser
import Foundation
import Listening
import SwitchboardCore

/// `switchboard feed parse FILE|URL… [--json]`: a feed as Switchboard reads it.
struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: L10n.t("cli.abstract.feedCommand.1"),
        subcommands: [Parse.self]
    )

    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                L10n.t("cli.abstract.feedCommand.2"),
            discussion: L10n.t("cli.discussion.feed")
        )

        @Argument(help: ArgumentHelp(L10n.t("cli.help.feed.inputs")))
        var inputs: [String]

        @Flag(help: ArgumentHelp(L10n.t("cli.help.feed.json")))
        var json = false

        @Option(help: ArgumentHelp(L10n.t("cli.help.feed.base")))
        var base: String?

        @Option(name: .customLong("content-type"), help: ArgumentHelp(L10n.t("cli.help.feed.contentType")))
        var contentType: String?

        @Flag(name: .customLong("corpus-headers"), help: .hidden)
        var corpusHeaders = false

        mutating func run() async throws {
            guard !inputs.isEmpty else { throw CLIError.usage(L10n.t("cli.feed.needsInput")) }
            var failures = 0
            let http = URLSessionHTTPClient(timeout: 20)
            for input in inputs {
                let outcome = await FeedInput.read(
                    input, http: http, base: base, contentType: contentType, corpusHeaders: corpusHeaders)
                switch outcome {
                case .success(let feed):
                    if json {
                        FeedPrinter.printJSON(source: input, feed: feed, error: nil)
                    } else {
                        FeedPrinter.printText(feed, multiple: inputs.count > 1, source: input)
                    }
                case .failure(let message):
                    failures += 1
                    if json {
                        FeedPrinter.printJSON(source: input, feed: nil, error: message)
                    } else {
                        Output.err("switchboard: \(HTMLText.clean(input)): \(message)")
                    }
                }
            }
            if failures > 0 { throw ExitCode(1) }
        }
    }
}

/// Reading one input of `feed parse`: a local file or a URL.
enum FeedInput {
    enum Outcome { case success(Feed), failure(String) }

    static func read(_ input: String, http: HTTPClient, base: String?, contentType: String?, corpusHeaders: Bool) async
        -> Outcome
    {
        let data: Data
        var url: URL?
        var ct = contentType
        var location: String?
        if input.hasPrefix("http://") || input.hasPrefix("https://") {
            guard let u = URL(string: input) else { return .failure(L10n.t("cli.feed.badURL")) }
            do {
                let r = try await http.send(
                    HTTPRequest(url: u, headers: ["User-Agent": RSSSource.userAgent, "Accept": RSSSource.accept]))
                guard (200..<300).contains(r.status) else { return .failure("HTTP \(r.status)") }
                data = r.body
                url = u
                ct = r.header("content-type") ?? ct
                location = r.header("content-location")
            } catch {
                return .failure("\(error)")
            }
        } else if input == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            let fileURL =
                input.hasPrefix("file://")
                ? URL(string: input) ?? URL(fileURLWithPath: input) : URL(fileURLWithPath: input)
            do { data = try InputFile.read(fileURL.path, name: L10n.t("cli.feed.theFile")) } catch {
                return .failure("\(error)")
            }
            url = fileURL
        }
        if let b = base { url = URL(string: b) ?? url }
        if corpusHeaders {
            for (k, v) in corpusHeaderLines(data) {
                if k == "content-type" { ct = v } else if k == "content-location" { location = v }
            }
        }
        do { return .success(try FeedParser.parse(data, url: url, contentType: ct, contentLocation: location)) } catch {
            return .failure("\(error)")
        }
    }

    /// `Header: Name: value` lines of a test-corpus file's leading comment (feedparser's test suite format).
    static func corpusHeaderLines(_ data: Data) -> [(String, String)] {
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        guard let end = head.range(of: "-->") else { return [] }
        var out: [(String, String)] = []
        for line in head[..<end.lowerBound].split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("Header:") else { continue }
            let h = t.dropFirst(7).trimmingCharacters(in: .whitespaces)
            guard let colon = h.firstIndex(of: ":") else { continue }
            out.append((h[..<colon].lowercased(), h[h.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return out
    }
}
