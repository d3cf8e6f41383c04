import Foundation
import Listening
import SwitchboardCore

/// `switchboard-bench network`, Reddit's row: 100-comment listing pages (as `/r/SUB/comments` sends them, with the
/// fields Reddit sends, ~190 KB) decoded into mentions per second.
enum RedditBench {
    static func run(dir: DataDirectory) throws {
        var c = SourceConfig(id: "reddit", type: "reddit")
        (c.api, c.tokenFile, c.username) = ("https://oauth.reddit.example", "secrets/reddit.token", "acmecloud")
        let source = try RedditSource(config: c, dataDir: dir, http: URLSessionHTTPClient())
        let page = try listingPage(count: 100)
        guard try source.mentions(fromListingPage: page).count == 100 else {
            print("reddit bench: the page did not decode into 100 mentions")
            return
        }
        try Bench.decodeRow(
            "reddit", "100 comments", page: page, items: 100, unit: "comments", note: ", lenient JSON → mentions"
        ) { _ = try source.mentions(fromListingPage: $0) }
    }

    /// A listing of `count` comments, newest first, with the fields a real comment carries.
    static func listingPage(count: Int) throws -> Data {
        let children: [[String: Any]] = (0..<count).map { i in
            let id = "k\(900_000 - i)"
            let body =
                "Seit dem Update hängt die Synchronisierung bei 99 % – hat jemand eine Lösung? "
                + "Tried signing out & back in, no luck. Ticket #\(4_000 + i) is open since Tuesday."
            let data: [String: Any] = [
                "subreddit_id": "t5_2t5o6", "approved_at_utc": NSNull(), "author_is_blocked": false,
                "comment_type": NSNull(), "link_title": "Acme Cloud sync stuck at 99% after the November update",
                "mod_reason_by": NSNull(), "banned_by": NSNull(), "ups": 3, "num_reports": NSNull(),
                "author_flair_type": "text", "total_awards_received": 0, "subreddit": "acmecloud",
                "link_author": "lena_martens", "likes": NSNull(), "replies": "", "user_reports": [Any](),
                "saved": false, "id": id, "banned_at_utc": NSNull(), "mod_reason_title": NSNull(), "gilded": 0,
                "archived": false, "collapsed_reason_code": NSNull(), "no_follow": true, "author": "user_\(i % 37)",
                "num_comments": 42, "can_mod_post": false, "send_replies": true, "parent_id": "t1_k\(800_000 + i)",
                "score": 3, "author_fullname": "t2_\(i)abc", "over_18": false, "report_reasons": NSNull(),
                "removal_reason": NSNull(), "approved_by": NSNull(), "controversiality": 0, "body": body,
                "edited": false, "top_awarded_type": NSNull(), "downs": 0, "author_flair_css_class": NSNull(),
                "is_submitter": false, "collapsed": false, "author_flair_richtext": [Any](),
                "author_patreon_flair": false,
                "body_html": "&lt;div class=\"md\"&gt;&lt;p&gt;\(body)&lt;/p&gt;&lt;/div&gt;",
                "gildings": [String: Any](), "collapsed_reason": NSNull(), "distinguished": NSNull(),
                "associated_award": NSNull(), "stickied": false, "author_premium": false, "can_gild": false,
                "link_id": "t3_abc123", "unrepliable_reason": NSNull(), "author_flair_text_color": NSNull(),
                "score_hidden": false, "permalink": "/r/acmecloud/comments/abc123/acme_cloud_sync_stuck/\(id)/",
                "subreddit_type": "public", "link_permalink": "https://www.reddit.com/r/acmecloud/comments/abc123/",
                "name": "t1_" + id, "author_flair_template_id": NSNull(), "subreddit_name_prefixed": "r/acmecloud",
                "author_flair_text": NSNull(), "treatment_tags": [Any](), "created": 1_800_000_000.0 - Double(i * 60),
                "created_utc": 1_800_000_000.0 - Double(i * 60), "awarders": [Any](), "all_awardings": [Any](),
                "locked": false, "author_flair_background_color": NSNull(), "collapsed_because_crowd_control": NSNull(),
                "mod_reports": [Any](), "quarantine": false, "mod_note": NSNull(),
                "link_url": "https://www.reddit.com/r/acmecloud/comments/abc123/acme_cloud_sync_stuck/",
            ]
            return ["kind": "t1", "data": data]
        }
        let listing: [String: Any] = [
            "kind": "Listing",
            "data": [
                "after": "t1_k\(900_000 - count + 1)", "dist": count, "modhash": "", "geo_filter": "",
                "children": children, "before": NSNull(),
            ] as [String: Any],
        ]
        return try JSONSerialization.data(withJSONObject: listing)
    }
}
