import Foundation

/// What the demo's Instagram account and Facebook Page hear: comments on the brand's posts (with a reply), a post
/// that tags the brand, a hashtag post and a visitor post, in English and German. Times count back from the moment
/// the demo's network first answered, so they stay the same from poll to poll.
enum DemoGraphContent {
    static let instagramAccount = "17841400000000001"
    static let facebookPage = "100000000000001"
    static let hashtagID = "17843000000000001"
    static let epoch = Date()

    static func time(_ minutesAgo: Double) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: epoch.addingTimeInterval(-minutesAgo * 60)).replacingOccurrences(of: "Z", with: "+0000")
    }

    static func person(_ id: String, _ username: String) -> [String: Any] { ["id": id, "username": username] }

    static var instagramMedia: [[String: Any]] {
        [
            [
                "id": "18000000000000101", "caption": "Unser neues Dashboard ist da ✨ #acmecloud", "comments_count": 3,
                "username": "acmecloud", "media_type": "IMAGE", "timestamp": time(300),
                "permalink": "https://www.instagram.com/p/DemoDash01/",
            ],
            [
                "id": "18000000000000102", "caption": "Behind the scenes at our Berlin office", "comments_count": 1,
                "username": "acmecloud", "media_type": "CAROUSEL_ALBUM", "timestamp": time(1500),
                "permalink": "https://www.instagram.com/p/DemoBerlin1/",
            ],
        ]
    }

    static func instagramComments(_ media: String) -> [[String: Any]] {
        switch media {
        case "18000000000000101":
            return [
                [
                    "id": "17900000000000201", "text": "Endlich Dark Mode! Kommt das auch für die App? 🙏",
                    "timestamp": time(240), "username": "jana.weiß", "from": person("9001", "jana.weiß"),
                    "replies": [
                        "data": [
                            [
                                "id": "17900000000000203", "text": "@jana.weiß Die App folgt im März!",
                                "timestamp": time(200), "username": "acmecloud",
                                "from": person(instagramAccount, "acmecloud"), "parent_id": "17900000000000201",
                            ],
                            [
                                "id": "17900000000000204", "text": "@acmecloud Super, danke! Und für Android?",
                                "timestamp": time(150), "username": "jana.weiß", "from": person("9001", "jana.weiß"),
                                "parent_id": "17900000000000201",
                            ],
                        ]
                    ],
                ],
                [
                    "id": "17900000000000202",
                    "text": "The export button is broken since the update. Any ETA on a fix?",
                    "timestamp": time(90), "username": "mike_builds", "from": person("9002", "mike_builds"),
                ],
            ]
        case "18000000000000102":
            return [
                [
                    "id": "17900000000000205", "text": "Sieht toll aus! Sucht ihr noch Werkstudenten?",
                    "timestamp": time(1300), "username": "lukas.groß", "from": person("9003", "lukas.groß"),
                ]
            ]
        default: return []
        }
    }

    static var instagramTags: [[String: Any]] {
        [
            [
                "id": "18000000000000301",
                "caption": "Our team migrated 40 services to @acmecloud this week — zero downtime",
                "username": "devops.daily", "media_type": "IMAGE", "timestamp": time(60),
                "permalink": "https://www.instagram.com/p/DemoTag001/",
            ]
        ]
    }

    static var hashtagMedia: [[String: Any]] {
        [
            [
                "id": "18000000000000401",
                "caption": "Warum ist #acmecloud heute so langsam? Seit 10 Uhr hängt alles 😤",
                "media_type": "IMAGE", "timestamp": time(30), "permalink": "https://www.instagram.com/p/DemoHash01/",
            ]
        ]
    }

    static var facebookPosts: [[String: Any]] {
        [
            [
                "id": "\(facebookPage)_5001", "message": "Wartungsfenster am Samstag von 2 bis 4 Uhr.",
                "created_time": time(600), "permalink_url": "https://www.facebook.com/\(facebookPage)/posts/5001/",
                "comments": ["data": [Any](), "summary": ["total_count": 2]],
            ]
        ]
    }

    static func facebookComments(_ post: String) -> [[String: Any]] {
        guard post == "\(facebookPage)_5001" else { return [] }
        return [
            [
                "id": "5001_7001", "message": "Betrifft das auch die EU-Region?", "created_time": time(500),
                "from": ["id": "8001", "name": "Sabine Müller"],
                "permalink_url": "https://www.facebook.com/\(facebookPage)/posts/5001/?comment_id=7001",
            ],
            [
                "id": "5001_7002", "message": "Same question for us-east please", "created_time": time(450),
                "from": ["id": "8002", "name": "Tom Becker"], "parent": ["id": "5001_7001"],
                "permalink_url":
                    "https://www.facebook.com/\(facebookPage)/posts/5001/?comment_id=7001&reply_comment_id=7002",
            ],
        ]
    }

    static var facebookTagged: [[String: Any]] {
        [
            [
                "id": "8003_6001", "message": "Great talk by Acme Cloud at the Cloud Summit in Hamburg today!",
                "created_time": time(120), "from": ["id": "8003", "name": "Cloud Summit Hamburg"],
                "permalink_url": "https://www.facebook.com/8003/posts/6001/",
            ]
        ]
    }

    static var facebookVisitorPosts: [[String: Any]] {
        [
            [
                "id": "\(facebookPage)_6002", "message": "Meine Rechnung ist doppelt abgebucht worden. Wer hilft mir?",
                "created_time": time(45), "from": ["id": "8004", "name": "Klaus Schäfer"],
                "permalink_url": "https://www.facebook.com/\(facebookPage)/posts/6002/",
            ]
        ]
    }
}
