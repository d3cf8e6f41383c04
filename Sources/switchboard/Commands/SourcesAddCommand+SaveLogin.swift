import Foundation
import Listening
import SwitchboardCore

extension SourcesAddCommand {
    /// Saves an OAuth login as source `c`'s `token_file` (`secrets/ID.token`, mode 0600) and says where: "Saved the
    /// WHAT to PATH (mode 0600)NOTE." `label` names the token in errors.
    func saveLogin(
        _ token: OAuthToken, to c: inout SourceConfig, dir: DataDirectory,
        what: String = L10n.t("cli.sourcesAdd.token"), note: String = "",
        label: String? = nil
    ) throws {
        let path = "secrets/\(c.id).token"
        try OAuthTokenStore(file: dir.secretPath(path), what: label ?? "token of source \(c.id)").save(token)
        c.tokenFile = path
        print(L10n.t("cli.sourcesAdd.saved", ["what": what, "path": path]).dropLast() + note + ".")
    }
}
