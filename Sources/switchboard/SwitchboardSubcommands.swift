import ArgumentParser

/// Every subcommand, in the order `--help` lists them. One file per command under Commands/.
enum SwitchboardSubcommands {
    static let all: [ParsableCommand.Type] = [
        InitCommand.self,
        MentionsCommand.self,
        StatusCommand.self,
        AssignCommand.self,
        TagCommand.self,
        NoteCommand.self,
        HandoffCommand.self,
        ModerateCommand.self,
        ContactsCommand.self,
        RoutingCommand.self,
        ClaimCommand.self,
        ReplyCommand.self,
        OutboxCommand.self,
        QueueCommand.self,
        PublishDueCommand.self,
        LogCommand.self,
        ReportCommand.self,
        DoctorCommand.self,
        IngestCommand.self,
        CompactCommand.self,
        ReindexCommand.self,
        FeedCommand.self,
        TerminalCheckCommand.self,
        AnalyzeCommand.self,
        ReanalyzeCommand.self,
        KeysCommand.self,
        ListenCommand.self,
        SourcesCommand.self,
        CrisisCommand.self,
    ]
}
