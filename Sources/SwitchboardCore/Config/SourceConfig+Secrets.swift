extension SourceConfig {
    /// The secret files this source reads, by the setting that names them (for `doctor` and warnings).
    public var secretFiles: [(setting: String, path: String)] {
        var out: [(String, String)] = []
        if let f = tokenFile, !f.isEmpty { out.append(("token_file", f)) }
        if let f = appPasswordFile, !f.isEmpty { out.append(("app_password_file", f)) }
        if let f = secretFile, !f.isEmpty { out.append(("secret_file", f)) }
        return out
    }
}
