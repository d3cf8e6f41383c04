import Foundation
import SwitchboardCore

/// An error the Graph API answered with (`{"error": {"message", "type", "code", "error_subcode", …}}`), classified
/// by its code (never by its HTTP status alone): what a source or a publisher should do about it.
public struct GraphError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// 190 (and subcodes 458–467, 492), 102: the token expired or was revoked; log in again.
        case needsLogin
        /// 4, 17, 32, 613, 80001–80014 (business use case): wait until `retryAt`.
        case rateLimited(retryAt: Date)
        /// 10, 200–299 (and 100 naming a permission): the token lacks a permission (named when known).
        case permission([String])
        /// 100 with subcode 33, 803: the object was deleted (or the token may not see it).
        case deleted
        /// 1, 2, `is_transient`, 5xx: try again later.
        case transient
        /// Anything else: the request itself is wrong (a bad parameter, an unsupported edge).
        case invalid
    }

    public var kind: Kind
    public var status: Int
    public var code: Int?, subcode: Int?
    /// Meta's message, sanitised (and `error_user_msg` when it has one).
    public var message: String
    public var type: String?
    /// Who is talking ("facebook source fb").
    public var label: String

    public var description: String { sourceError.description }

    /// "Graph error 190/463" (or "HTTP 500" when the body held no error code).
    public var codeText: String {
        guard let code else { return "HTTP \(status)" }
        return "Graph error \(code)" + (subcode.map { "/\($0)" } ?? "")
    }

    /// The same failure as the listener knows it.
    public var sourceError: SourceError {
        let what = message.isEmpty ? codeText : "\(codeText): \(message)"
        switch kind {
        case .needsLogin:
            return .needsLogin(
                "\(label): Meta refused the token (\(what)); run `switchboard sources add` for this source again")
        case .rateLimited(let at):
            return .rateLimited(retryAt: at, detail: "\(label): Meta's rate limit (\(what))")
        case .permission(let names):
            let perm =
                names.isEmpty
                ? "a permission it does not have"
                : "the permission \(names.joined(separator: ", ")), which it does not have"
            return .configuration(
                "\(label): the token needs \(perm) (\(what)); grant it to the app and log in again")
        case .deleted:
            return .configuration("\(label): the object was deleted or this token cannot see it (\(what))")
        case .transient:
            return .transient("\(label): Meta is having trouble (\(what))")
        case .invalid:
            return .configuration("\(label): Meta refused the request (\(what))")
        }
    }

    /// The same failure as a publisher reports it (a refused request is a rejected post; deleted parents too).
    public var publishError: PublishError {
        switch kind {
        case .invalid: return .rejected(sourceError.description)
        case .deleted: return .rejected("\(label): the post or comment was deleted (\(codeText))")
        default: return PublishError(sourceError)
        }
    }

    /// Reads the error of a response that is not 2xx (or a 2xx carrying `error`); nil for a success.
    /// `usage` gives the time to regain access when the headers said it; else rate limits wait `fallback`.
    public static func parse(
        _ r: HTTPResponse, label: String, usage: GraphUsage? = nil, now: Date, fallback: TimeInterval = 15 * 60
    ) -> GraphError? {
        let obj = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any]
        let err = obj?["error"] as? [String: Any]
        if (200..<300).contains(r.status) && err == nil { return nil }
        let code = int(err?["code"]), sub = int(err?["error_subcode"])
        var msg = (err?["message"] as? String) ?? (obj?["error_message"] as? String) ?? ""
        if let u = err?["error_user_msg"] as? String, !u.isEmpty, u != msg { msg += msg.isEmpty ? u : " — " + u }
        let clean = NetworkText.clean(msg, max: 240)
        let transientFlag = (err?["is_transient"] as? Bool) ?? false
        var e = GraphError(
            kind: .invalid, status: r.status, code: code, subcode: sub, message: clean,
            type: (err?["type"] as? String).map { NetworkText.clean($0, max: 60) }, label: label)
        e.kind = classify(
            status: r.status, code: code, subcode: sub, message: msg, transient: transientFlag,
            retryAt: (usage?.regainAt(now: now)).flatMap { $0 > now ? $0 : nil } ?? now.addingTimeInterval(fallback))
        return e
    }

    static func classify(
        status: Int, code: Int?, subcode: Int?, message: String, transient: Bool, retryAt: Date
    ) -> Kind {
        guard let code else {
            switch status {
            case 401: return .needsLogin
            case 403: return .permission([])
            case 429: return .rateLimited(retryAt: retryAt)
            case 404: return .deleted
            case 408, 500...599: return .transient
            default: return .invalid
            }
        }
        switch code {
        case 190, 102: return .needsLogin
        case 4, 17, 32, 613, 80001...80014: return .rateLimited(retryAt: retryAt)
        case 10, 3, 200...299: return .permission(Graph.permissions(in: message))
        case 1, 2: return .transient
        case 803: return .deleted
        case 100 where subcode == 33: return .deleted
        case 100 where !Graph.permissions(in: message).isEmpty: return .permission(Graph.permissions(in: message))
        default:
            if let s = subcode, (458...467).contains(s) || s == 492 { return .needsLogin }
            return transient || status >= 500 ? .transient : .invalid
        }
    }

    static func int(_ v: Any?) -> Int? {
        if let i = v as? Int { return i }
        if let d = v as? Double, d.isFinite { return Int(exactly: d.rounded(.towardZero)) }
        if let s = v as? String { return Int(s) }
        return nil
    }
}
