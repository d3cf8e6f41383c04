import Foundation

/// The interface's strings: one catalogue per language (`Resources/l10n/LANG.json`, a flat object of key → text),
/// placeholders by name (`{count}`). English answers for a key the current language lacks; a key no catalogue
/// has comes back as itself (a test keeps that from happening). The language is chosen once at start
/// (`L10n.use`); reading is lock-protected and cheap.
public enum L10n {
    /// Sets the language the interface speaks from now on.
    public static func use(_ language: Language) { store.set(language) }

    /// The language in use.
    public static var language: Language { store.language }

    /// The text of `key` in the current language, placeholders filled: `{name}` takes `args["name"]`; an `Int`
    /// is written with German digit grouping in German (`1.200`) and as it always was in English (`1200`).
    public static func t(_ key: String, _ args: [String: any Sendable] = [:]) -> String {
        let lang = store.language
        return fill(catalogue(lang)[key] ?? catalogue(.en)[key] ?? key, args, lang)
    }

    /// The text of `key` in `language` (for files written in a chosen language, e.g. `init --lang de`).
    public static func t(_ key: String, in language: Language, _ args: [String: any Sendable] = [:]) -> String {
        fill(catalogue(language)[key] ?? catalogue(.en)[key] ?? key, args, language)
    }

    /// Whether the English catalogue (the complete one) has `key`.
    public static func has(_ key: String) -> Bool { catalogue(.en)[key] != nil }

    /// Every key and text of a language's catalogue as loaded.
    public static func catalogue(_ language: Language) -> [String: String] {
        switch language {
        case .en: return english
        case .de: return german
        }
    }

    /// The placeholders (`{name}`) a text uses, in order of appearance.
    public static func placeholders(_ text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { out.append(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return out
    }

    static func fill(_ text: String, _ args: [String: any Sendable], _ lang: Language) -> String {
        guard !args.isEmpty, text.contains("{") else { return text }
        var out = text
        for (name, value) in args {
            let s: String
            if let n = value as? Int, lang == .de { s = LocalFormat.number(n, lang) } else { s = "\(value)" }
            out = out.replacingOccurrences(of: "{\(name)}", with: s)
        }
        return out
    }

    private static let english = load(.en)
    private static let german = load(.de)
    private static let store = LanguageStore()

    /// The catalogue's folder: the module's resource bundle (beside the executable, or installed under
    /// `share/switchboard`), `$SWITCHBOARD_L10N` or the source tree of a development build.
    static func directory() -> URL? {
        var extra: [URL] = []
        if let env = ProcessInfo.processInfo.environment["SWITCHBOARD_L10N"], !env.isEmpty {
            extra.append(URL(fileURLWithPath: env))
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources")
        let bundle = "Switchboard_SwitchboardCore.resources"
        return Installation.locate(bundle, containing: "l10n/en.json", extra: extra)
            ?? Installation.locate(bundle, containing: "l10n/en.json", extra: [source])
    }

    static func load(_ language: Language) -> [String: String] {
        guard let dir = directory(),
            let data = FileManager.default.contents(
                atPath: dir.appendingPathComponent("l10n/\(language.rawValue).json").path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { return [:] }
        return object
    }
}

/// The chosen language behind a lock.
final class LanguageStore: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Language = .en
    var language: Language { lock.withLock { value } }
    func set(_ l: Language) { lock.withLock { value = l } }
}
