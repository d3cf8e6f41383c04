/// The report on ReportFixture as JSON.
extension ReportGolden {
    static let json = #"""
        {
          "advocates" : {
            "advocates" : [
              {
                "followers" : 12000,
                "id" : "bluesky:ben.bsky.social",
                "mentions" : 3,
                "name" : "@ben.bsky.social",
                "negative" : 0,
                "networks" : [
                  "bluesky"
                ],
                "neutral" : 1,
                "positive" : 2,
                "score" : 3.36
              },
              {
                "followers" : 250000,
                "id" : "bluesky:hanna.bsky.social",
                "mentions" : 1,
                "name" : "@hanna.bsky.social",
                "negative" : 0,
                "networks" : [
                  "bluesky"
                ],
                "neutral" : 0,
                "positive" : 1,
                "score" : 1.9
              },
              {
                "followers" : 300,
                "id" : "mastodon:jürgen.weiß@social.example",
                "mentions" : 1,
                "name" : "@jürgen.weiß@social.example",
                "negative" : 0,
                "networks" : [
                  "mastodon"
                ],
                "neutral" : 0,
                "positive" : 1,
                "score" : 1.41
              }
            ],
            "critics" : [
              {
                "followers" : 150,
                "id" : "mastodon:anna@social.example",
                "mentions" : 2,
                "name" : "@anna@social.example",
                "negative" : 2,
                "networks" : [
                  "mastodon"
                ],
                "neutral" : 0,
                "positive" : 0,
                "score" : 2.73
              },
              {
                "followers" : 80,
                "id" : "mastodon:dieter@social.example",
                "mentions" : 1,
                "name" : "@dieter@social.example",
                "negative" : 1,
                "networks" : [
                  "mastodon"
                ],
                "neutral" : 0,
                "positive" : 0,
                "score" : 1.32
              }
            ],
            "most_active" : {
              "followers" : 12000,
              "id" : "bluesky:ben.bsky.social",
              "mentions" : 3,
              "name" : "@ben.bsky.social",
              "negative" : 0,
              "networks" : [
                "bluesky"
              ],
              "neutral" : 1,
              "positive" : 2,
              "score" : 3.36
            },
            "most_positive" : {
              "followers" : 12000,
              "id" : "bluesky:ben.bsky.social",
              "mentions" : 3,
              "name" : "@ben.bsky.social",
              "negative" : 0,
              "networks" : [
                "bluesky"
              ],
              "neutral" : 1,
              "positive" : 2,
              "score" : 3.36
            },
            "people" : 9,
            "widest_reach" : {
              "followers" : 250000,
              "id" : "bluesky:hanna.bsky.social",
              "mentions" : 1,
              "name" : "@hanna.bsky.social",
              "negative" : 0,
              "networks" : [
                "bluesky"
              ],
              "neutral" : 0,
              "positive" : 1,
              "score" : 1.9
            }
          },
          "brand" : "Acme Cloud",
          "bucket_unit" : "day",
          "buckets" : [
            "2026-11-15T23:00:00Z",
            "2026-11-16T23:00:00Z",
            "2026-11-17T23:00:00Z",
            "2026-11-18T23:00:00Z",
            "2026-11-19T23:00:00Z",
            "2026-11-20T23:00:00Z",
            "2026-11-21T23:00:00Z"
          ],
          "crises" : [
            {
              "drill" : false,
              "ended_at" : "2026-11-16T14:45:00Z",
              "ended_by" : "lea",
              "id" : "c1",
              "name" : "Outage",
              "severity" : "high",
              "started_at" : "2026-11-16T10:30:00Z",
              "started_by" : "lea",
              "steps" : 2,
              "steps_done" : 1,
              "summary" : "Sync restored, post-mortem filed"
            }
          ],
          "generated_at" : "2026-11-23T08:00:00Z",
          "hashtags" : [
            {
              "count" : 2,
              "previous_count" : 0,
              "term" : "#outage"
            }
          ],
          "previous_since" : "2026-11-08T23:00:00Z",
          "published" : {
            "by_account" : [
              {
                "count" : 1,
                "name" : "acme-bsky"
              },
              {
                "count" : 1,
                "name" : "acme-masto"
              }
            ],
            "items" : [
              {
                "account" : "acme-masto",
                "at" : "2026-11-17T09:00:00Z",
                "text" : "Winter update: faster sync for everyone",
                "url" : "https://social.example/@acme/1"
              },
              {
                "account" : "acme-bsky",
                "at" : "2026-11-17T09:01:00Z",
                "text" : "Winter update: faster sync for everyone"
              }
            ],
            "manual_replies" : 1,
            "posts" : 2,
            "replies" : 3,
            "replies_by_network" : [
              {
                "count" : 2,
                "name" : "bluesky"
              },
              {
                "count" : 1,
                "name" : "mastodon"
              },
              {
                "count" : 1,
                "name" : "rss"
              }
            ]
          },
          "responses" : {
            "answered" : 4,
            "answered_late" : 2,
            "breaches" : 3,
            "median_seconds" : 3600,
            "overdue" : 1,
            "p90_seconds" : 227700,
            "previous_median_seconds" : 7200,
            "previous_questions" : 1,
            "questions" : 4,
            "sla_checked" : 7,
            "sla_minutes" : 60,
            "worst" : [
              {
                "answered" : false,
                "author" : "@anna@social.example",
                "created_at" : "2026-11-16T10:00:00Z",
                "key" : "wgt65e94jj",
                "late_seconds" : 169200,
                "network" : "mastodon"
              },
              {
                "answered" : true,
                "author" : "@ben.bsky.social",
                "created_at" : "2026-11-19T09:00:00Z",
                "key" : "djd67p6zc8",
                "late_seconds" : 1800,
                "network" : "bluesky"
              },
              {
                "answered" : true,
                "author" : "@dieter@social.example",
                "created_at" : "2026-11-20T16:30:00Z",
                "key" : "try65e94wj",
                "late_seconds" : 900,
                "network" : "mastodon"
              }
            ]
          },
          "sentiment" : {
            "analysed" : 11,
            "analysed_per_bucket" : [
              2,
              1,
              2,
              2,
              1,
              2,
              1
            ],
            "negative" : 3,
            "net_per_bucket" : [
              -1,
              1,
              0.5,
              0.5,
              -1,
              0.5,
              0
            ],
            "neutral" : 4,
            "positive" : 4,
            "previous_analysed" : 3,
            "previous_negative" : 1,
            "previous_neutral" : 1,
            "previous_positive" : 1
          },
          "share_of_voice" : {
            "brand" : 11,
            "brand_terms" : [
              "Acme Cloud",
              "Acme",
              "#acmecloud"
            ],
            "competitors" : [
              {
                "mentions" : 3,
                "name" : "NimbusDrive",
                "previous_mentions" : 1,
                "previous_share" : 0.75,
                "share" : 0.7857142857142857
              },
              {
                "mentions" : 2,
                "name" : "Boxly",
                "previous_mentions" : 0,
                "previous_share" : 1,
                "share" : 0.8461538461538461
              }
            ],
            "previous_brand" : 3
          },
          "since" : "2026-11-15T23:00:00Z",
          "stored" : {
            "first" : "2026-11-10T09:00:00Z",
            "last" : "2026-11-23T07:00:00Z",
            "mentions" : 17
          },
          "time_zone" : "Europe/Berlin",
          "topics" : [
            {
              "count" : 7,
              "previous_count" : 1,
              "term" : "sync"
            },
            {
              "count" : 3,
              "previous_count" : 1,
              "term" : "nimbusdrive"
            },
            {
              "count" : 2,
              "previous_count" : 0,
              "term" : "boxly"
            },
            {
              "count" : 2,
              "previous_count" : 0,
              "term" : "speed"
            }
          ],
          "until" : "2026-11-22T23:00:00Z",
          "v" : 1,
          "volume" : {
            "networks" : [
              {
                "network" : "mastodon",
                "per_bucket" : [
                  2,
                  0,
                  0,
                  1,
                  1,
                  0,
                  1
                ],
                "previous_total" : 2,
                "total" : 5
              },
              {
                "network" : "bluesky",
                "per_bucket" : [
                  0,
                  1,
                  1,
                  1,
                  0,
                  2,
                  0
                ],
                "previous_total" : 1,
                "total" : 5
              },
              {
                "network" : "rss",
                "per_bucket" : [
                  0,
                  0,
                  1,
                  0,
                  0,
                  0,
                  1
                ],
                "previous_total" : 0,
                "total" : 2
              }
            ],
            "per_bucket" : [
              2,
              1,
              2,
              2,
              1,
              2,
              2
            ],
            "previous_total" : 3,
            "total" : 12
          }
        }
        """#
}
