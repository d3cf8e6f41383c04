import Foundation
import Listening
import ScreenKit
import SwitchboardCore

/// Images in replies: `:attach NAME|PATH [ALT TEXT]` adds one to the open mention's draft: a file of the media library
/// by name (its stored alt text unless one is given; Tab completes the names) or a file by path (with spaces in
/// double quotes); `:detach` removes them. A network whose replies take no images (Instagram, YouTube, Reddit, the
/// feeds) refuses at once (`ReplyMedia`). The composer counts them and the review lists them with their alt texts,
/// warning about any without.
extension Update {
    static func attach(_ s: inout AppState, _ arg: String) -> [Effect] {
        guard let key = s.shownKey else { say(&s, L10n.t("msg.noOpen")); return [] }
        let t = arg.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { prompt(&s, "attach "); return [] }
        var d = s.mention.drafts[key] ?? Draft()
        if let net = platform(s, key), let why = ReplyMedia.refusal(net, count: d.media.count + 1) {
            say(&s, why, error: true)
            return []
        }
        let (path, alt) = pathAndAlt(t)
        let library = mediaLibrary(s)
        let media: QueueMedia
        do { media = try library.pick(path, alt: alt) } catch {
            say(&s, sanitizeForScreen("\(error)"), error: true)
            return []
        }
        let name = sanitizeForScreen((media.path as NSString).lastPathComponent)
        d.media.append(media)
        s.mention.drafts[key] = d
        s.chrome.focus = .composer
        if let alt = media.alt {
            let from = library.entry(path) != nil ? "media.fromLibrary" : "media.attached"
            say(&s, L10n.t(from, ["file": name, "alt": sanitizeForScreen(alt)]))
        } else {
            say(&s, L10n.t("media.noAlt", ["file": name]), error: true)
        }
        return []
    }

    /// The network of mention `key`: from the open mention, else from its feed row.
    static func platform(_ s: AppState, _ key: String) -> String? {
        if let m = s.mention.detail?.mention, m.key == key { return m.platform }
        return s.feed.keyIndex[key].map { s.feed.items[Int($0)].platform }
    }

    /// The workbench's media library (none known: one in an empty folder, so only paths are taken).
    static func mediaLibrary(_ s: AppState) -> MediaLibrary {
        MediaLibrary(dir: s.settings.mediaDir ?? URL(fileURLWithPath: "/nonexistent/media"))
    }

    /// The library's names for `:attach` completion (read only when the command line is an `attach`).
    static func mediaNames(_ s: AppState, _ line: String) -> [String] {
        guard line.hasPrefix("attach ") else { return [] }
        return mediaLibrary(s).names(startingWith: "")
    }

    static func detach(_ s: inout AppState) -> [Effect] {
        guard let key = s.shownKey, var d = s.mention.drafts[key], !d.media.isEmpty else {
            say(&s, L10n.t("media.noneAttached"))
            return []
        }
        d.media = []
        s.mention.drafts[key] = d
        say(&s, L10n.t("media.detached"))
        return []
    }

    /// `"my file.png" Alt text` or `file.png Alt text`: the path, and the rest as the alt text (nil when empty).
    static func pathAndAlt(_ t: String) -> (String, String?) {
        var path: Substring
        var rest: Substring
        if t.hasPrefix("\""), let end = t.dropFirst().firstIndex(of: "\"") {
            path = t[t.index(after: t.startIndex)..<end]
            rest = t[t.index(after: end)...]
        } else {
            let parts = t.split(separator: " ", maxSplits: 1)
            path = parts[0]
            rest = parts.count > 1 ? parts[1] : ""
        }
        let alt = rest.trimmingCharacters(in: .whitespaces)
        return (String(path), alt.isEmpty ? nil : alt)
    }
}

extension Renderer {
    /// The review's lines for the attached images: name and alt text, or a warning without one.
    func mediaLines(_ media: [QueueMedia], width w: Int) -> [(String, StyleRole)] {
        var out: [(String, StyleRole)] = []
        for m in media {
            let name = sanitizeForScreen((m.path as NSString).lastPathComponent)
            if let alt = m.alt {
                let line = L10n.t("media.line", ["file": name, "alt": sanitizeForScreen(alt)])
                for l in TextWrap.wrap(line, width: w) { out.append((l, .meta)) }
            } else {
                // Continuation lines indented like the review's other warnings.
                for (i, l) in TextWrap.wrap("⚠ " + L10n.t("media.noAlt", ["file": name]), width: w).enumerated() {
                    out.append(((i == 0 ? "" : "  ") + l, .warning))
                }
            }
        }
        return out
    }
}
