import SwitchboardCore

/// TODO(lead): prepares the demo data directory (sample team, mentions and a live replay) and returns it.
func prepareDemoDirectory() throws -> DataDirectory {
    throw CLIError.failure("demo not ready")
}
