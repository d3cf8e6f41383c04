import Foundation

/// A language the interface speaks. English is the default and the fallback for anything missing.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en, de

    /// The language a POSIX locale or language name names (`de_DE.UTF-8`, `de`, `de_AT@euro`, `en_GB`); nil for
    /// `C`, `POSIX`, an empty value or a language we do not speak.
    public init?(localeName: String) {
        let base = localeName.split(whereSeparator: { "_.@-".contains($0) }).first.map { $0.lowercased() } ?? ""
        guard let l = Language(rawValue: base) else { return nil }
        self = l
    }

    /// Which language to speak: `--lang`, else the personal config's `"language"`, else the environment in POSIX
    /// order (`LANGUAGE` as a colon list — used only when the locale is not `C`/`POSIX` — then `LC_ALL`,
    /// `LC_MESSAGES`, `LANG`; the first that is set decides), else English. Independent of whether the named
    /// locale is installed: nothing here calls `setlocale`.
    public static func choose(flag: String?, config: String?, environment env: [String: String]) -> Language {
        if let f = flag, let l = Language(localeName: f) { return l }
        if let c = config, let l = Language(localeName: c) { return l }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { env[$0] }.first { !$0.isEmpty } ?? ""
        let isC = locale.isEmpty || locale == "C" || locale == "POSIX" || locale.hasPrefix("C.")
        if !isC, let list = env["LANGUAGE"], !list.isEmpty {
            for name in list.split(separator: ":") where !name.isEmpty {
                if let l = Language(localeName: String(name)) { return l }
            }
        }
        return Language(localeName: locale) ?? .en
    }

    /// The personal config's `"language"` (`$XDG_CONFIG_HOME/switchboard/config.json`), nil when unset or
    /// unreadable (the workbench reports a broken config file when it reads its theme).
    public static func configured(environment env: [String: String]) -> String? {
        let cfg = DataDirectory.configDirectory(environment: env).appendingPathComponent("config.json")
        guard let data = FileManager.default.contents(atPath: cfg.path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["language"] as? String
    }
}
