import ArgumentParser

/// Every subcommand, in the order `--help` lists them. One file per command under Commands/.
enum SwitchboardSubcommands {
    static let all: [ParsableCommand.Type] = [
        AnalyzeCommand.self,
        ReanalyzeCommand.self,
    ]
}
