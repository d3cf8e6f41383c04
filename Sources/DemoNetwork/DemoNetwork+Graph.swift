import Foundation

extension DemoNetwork {
    /// The Graph API reads of the Instagram and Facebook connectors (`/vXX.X/…`, token in `access_token`): the
    /// demo Instagram account's media, comments, tags and hashtag media, the demo Page's posts, comments, tagged and
    /// visitor posts (`DemoGraphContent`). A wrong token is refused with Graph error 190, as Meta does.
    func graph(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        guard let want = accounts.graphToken, (r.query("access_token") ?? DemoNetwork.form(r)["access_token"]) == want
        else {
            return DemoNetwork.json(
                [
                    "error": [
                        "message": "Invalid OAuth access token - Cannot parse access token", "type": "OAuthException",
                        "code": 190, "fbtrace_id": "Demo",
                    ]
                ], status: 400)
        }
        let parts = r.path.split(separator: "/").dropFirst().map(String.init)  // drop the version
        typealias C = DemoGraphContent
        let ig = C.instagramAccount, pg = C.facebookPage
        if let written = graphWrite(r, parts) { return written }
        if let message = messenger(r, parts) { return message }
        func list(_ items: [[String: Any]]) -> LoopbackServer.Response { DemoNetwork.json(["data": items]) }
        switch (r.method, parts.count, parts.first ?? "", parts.last ?? "") {
        case ("GET", 2, ig, "media"): return list(C.instagramMedia)
        case ("GET", 2, ig, "tags"): return list(spoken(C.instagramTags))
        case ("GET", 1, "ig_hashtag_search", _):
            return list(r.query("q")?.lowercased() == "acmecloud" ? [["id": C.hashtagID, "name": "acmecloud"]] : [])
        case ("GET", 2, C.hashtagID, "recent_media"): return list(spoken(C.hashtagMedia))
        case ("GET", 2, pg, "published_posts"): return list(C.facebookPosts)
        case ("GET", 2, pg, "tagged"): return list(spoken(C.facebookTagged))
        case ("GET", 2, pg, "visitor_posts"): return list(spoken(C.facebookVisitorPosts))
        case ("GET", 2, let id, "comments"):
            return list(spoken(id.contains("_") ? C.facebookComments(id) + ownComments(id) : C.instagramComments(id)))
        case ("GET", 1, ig, _): return DemoNetwork.json(["id": ig, "username": "acmecloud"])
        case ("GET", 1, pg, _): return DemoNetwork.json(["id": pg, "name": accounts.displayName])
        default:
            return DemoNetwork.json(
                [
                    "error": [
                        "message": "Unsupported get request. Object does not exist", "type": "GraphMethodException",
                        "code": 100, "error_subcode": 33,
                    ]
                ], status: 400)
        }
    }
}

extension DemoNetwork {
    /// The demo's Instagram account id and Facebook Page id (for the demo team's `ig` and `fb` sources).
    public static let instagramAccount = DemoGraphContent.instagramAccount
    public static let facebookPage = DemoGraphContent.facebookPage
}
