import Foundation
import SwitchboardCore

/// A refused YouTube Data API call, by class: what the server's status and `errors[].reason` mean for the person
/// running Switchboard. Sources turn it into a `SourceError`, publishers and moderators into a `PublishError`.
public struct YouTubeError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// 401: the access token expired or was revoked, and renewing it did not help.
        case expired
        /// 403 insufficientPermissions: the token lacks a scope (youtube.force-ssl for replies and moderation).
        case missingScope
        /// 403 quotaExceeded / dailyLimitExceeded: the project's daily quota is spent until midnight Pacific.
        case quotaExhausted
        /// 403 rateLimitExceeded / userRateLimitExceeded, or 429.
        case rateLimited
        /// 403 commentsDisabled: the video takes no comments.
        case commentsDisabled
        /// 404 commentNotFound / videoNotFound / channelNotFound, 400 processingFailure: the item is gone.
        case notFound
        /// Another 403: this account may not do this.
        case forbidden
        /// 5xx or 408.
        case server
        /// Another 4xx: a request the API does not accept.
        case invalid
    }

    public var kind: Kind
    public var message: String
    /// When a rate limit or the quota lets the next call through.
    public var retryAt: Date?

    public var description: String { message }

    /// Classifies a non-2xx response.
    static func classify(_ r: HTTPResponse, label: String, now: Date) -> YouTubeError {
        let body = YouTube.ErrorBody.parse(r.body)
        let reasons = Set((body?.reasons ?? []).map { $0.lowercased() })
        let text = (body?.error?.message ?? NetworkCall.errorMessage(r.body)).map { NetworkText.clean($0, max: 200) }
        let why =
            " (HTTP \(r.status)" + (reasons.isEmpty ? "" : " " + reasons.sorted().joined(separator: ", "))
            + (text.map { ": " + $0 } ?? "") + ")"
        func has(_ names: String...) -> Bool { names.contains { reasons.contains($0.lowercased()) } }
        let reset = YouTubeQuotaLedger.nextReset(after: now)
        switch r.status {
        case 401:
            return YouTubeError(
                kind: .expired,
                message: "\(label): the login expired or was revoked\(why); run `switchboard sources add youtube` "
                    + "again for this source")
        case 403 where has("quotaExceeded", "dailyLimitExceeded", "dailyLimitExceededUnreg"):
            return YouTubeError(
                kind: .quotaExhausted,
                message: "\(label): quota exhausted: YouTube says the project's daily quota is spent\(why); "
                    + "it resets at midnight Pacific time (\(Timestamp.format(reset)))", retryAt: reset)
        case 403 where has("rateLimitExceeded", "userRateLimitExceeded", "RESOURCE_EXHAUSTED"), 429:
            let at = RateLimitInfo.parse(r.headers, now: now).retryAt(now: now, fallback: 60)
            return YouTubeError(kind: .rateLimited, message: "\(label): rate limited\(why)", retryAt: at)
        case 403 where has("insufficientPermissions", "ACCESS_TOKEN_SCOPE_INSUFFICIENT", "insufficientScope"):
            return YouTubeError(
                kind: .missingScope,
                message: "\(label): the login lacks a permission\(why); grant the youtube.force-ssl scope with "
                    + "`switchboard sources add youtube` (the device login covers reading only)")
        case 403 where has("commentsDisabled"):
            return YouTubeError(kind: .commentsDisabled, message: "\(label): comments are disabled\(why)")
        case 403:
            return YouTubeError(kind: .forbidden, message: "\(label): YouTube refused the request\(why)")
        case 404,
            400 where has("processingFailure", "commentNotFound", "parentCommentNotFound"):
            return YouTubeError(kind: .notFound, message: "\(label): not found: it may have been deleted\(why)")
        case 408, 500...599:
            return YouTubeError(kind: .server, message: "\(label): YouTube is having trouble\(why)")
        default:
            return YouTubeError(kind: .invalid, message: "\(label): YouTube did not accept the request\(why)")
        }
    }

    /// The same failure for the listener.
    public var sourceError: SourceError {
        switch kind {
        case .expired, .missingScope, .forbidden: return .needsLogin(message)
        case .quotaExhausted, .rateLimited: return .rateLimited(retryAt: retryAt ?? Date(), detail: message)
        case .server: return .transient(message)
        case .commentsDisabled, .notFound, .invalid: return .configuration(message)
        }
    }

    /// The same failure for the outbox: a gone parent, a refused text or a forbidden act is final.
    public var publishError: PublishError {
        switch kind {
        case .expired, .missingScope: return .needsLogin(message)
        case .quotaExhausted, .rateLimited: return .rateLimited(retryAt: retryAt ?? Date(), detail: message)
        case .server: return .transient(message)
        case .commentsDisabled, .notFound, .invalid, .forbidden: return .rejected(message)
        }
    }
}
