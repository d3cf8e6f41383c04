/// Golden outputs of the report on ReportFixture (the numbers are checked by hand in ReportTests).
enum ReportGolden {
    static let text = #"""
Acme Cloud — report for Mon 16 Nov – Sun 22 Nov 2026
2026-11-16 00:00 to 2026-11-23 00:00 (Europe/Berlin), 7 days
Compared with the 7 days before. Generated 2026-11-23 09:00.

VOLUME
  12 mentions, +300% on the previous period (3)

  day         mastodon  bluesky  rss  total
  Mon 16 Nov         2        0    0      2  ████████████████████
  Tue 17 Nov         0        1    0      1  ██████████
  Wed 18 Nov         0        1    1      2  ████████████████████
  Thu 19 Nov         1        1    0      2  ████████████████████
  Fri 20 Nov         1        0    0      1  ██████████
  Sat 21 Nov         0        2    0      2  ████████████████████
  Sun 22 Nov         1        0    1      2  ████████████████████

  network   by day   total  share  previous  change
  mastodon  █  ▄▄ ▄      5    42%         2   +150%
  bluesky    ▄▄▄ █       5    42%         1   +400%
  rss         █   █      2    17%         0     new

SENTIMENT
  11 of 12 mentions analysed

            share                        count  previous  change
  positive    36%  ███████▎                  4       33%  +3 pts
  neutral     36%  ███████▎                  4       33%  +3 pts
  negative    27%  █████▌                    3       33%  −6 pts

  net by day  ▁█▆▆▁▆▅  (▁ all negative, █ all positive)

SHARE OF VOICE
  Acme Cloud named in 11 mentions (previous 3)

  against      them  share                        previous   change
  NimbusDrive     3    79%  ███████████████▊           75%   +4 pts
  Boxly           2    85%  ████████████████▉         100%  −15 pts

  share = Acme Cloud / (Acme Cloud + competitor), mentions naming each

QUESTIONS AND RESPONSES
  questions        4 (previous 1), 4 answered (100%)
  first response   median 1h, p90 2d 15h (previous median 2h)
  SLA breaches     3 of 7 answered or still open
                   2 answered late, 1 open past due (target 60 min)

  mention     network   author                  late by
  wgt65e94jj  mastodon  @anna@social.example     1d 23h  open
  djd67p6zc8  bluesky   @ben.bsky.social            30m  answered
  try65e94wj  mastodon  @dieter@social.example      15m  answered

TOPICS
               mentions                    previous
  sync                7  ████████████████         1
  nimbusdrive         3  ██████▉                  1
  boxly               2  ████▋                    0
  speed               2  ████▋                    0

HASHTAGS
           mentions                    previous
  #outage         2  ████████████████         0

ADVOCATES
  person                    networks  mentions  +  −  followers  score
  @ben.bsky.social          bluesky          3  2  0     12,000   3.36
  @hanna.bsky.social        bluesky          1  1  0    250,000   1.90
  @jürgen.weiß@social.exa…  mastodon         1  1  0        300   1.41

  most positive  @ben.bsky.social (2 positive)
  most active    @ben.bsky.social (3 mentions)
  widest reach   @hanna.bsky.social (250,000 followers)

  score = (positive − negative) × (1 + log10(1 + followers) / 6)

CRITICS
  person                  networks  mentions  +  −  followers  score
  @anna@social.example    mastodon         2  0  2        150   2.73
  @dieter@social.example  mastodon         1  0  1         80   1.32

POSTS PUBLISHED
  queue posts  2 (acme-bsky 1, acme-masto 1)
  replies      3 sent, 1 by hand (bluesky 2, mastodon 1, rss 1)

  when              account     post
  Tue 17 Nov 10:00  acme-masto  Winter update: faster sync for ev…
  Tue 17 Nov 10:01  acme-bsky   Winter update: faster sync for ev…

CRISIS RUNS
  Outage (high): Mon 16 Nov 11:30 – Mon 16 Nov 15:45 (4h 15m)
    started by lea, ended by lea, 1 of 2 steps done
    Sync restored, post-mortem filed

"""#

    static let markdown = #"""
# Acme Cloud — report for Mon 16 Nov – Sun 22 Nov 2026

2026-11-16 00:00 to 2026-11-23 00:00 (Europe/Berlin), 7 days.

Compared with the 7 days before. Generated 2026-11-23 09:00.

## Volume

**12 mentions**, +300% on the previous period (3).

```
day         mastodon  bluesky  rss  total
Mon 16 Nov         2        0    0      2  ████████████████████
Tue 17 Nov         0        1    0      1  ██████████
Wed 18 Nov         0        1    1      2  ████████████████████
Thu 19 Nov         1        1    0      2  ████████████████████
Fri 20 Nov         1        0    0      1  ██████████
Sat 21 Nov         0        2    0      2  ████████████████████
Sun 22 Nov         1        0    1      2  ████████████████████
```

| network | total | share | previous | change |
|---|---:|---:|---:|---:|
| `mastodon` | 5 | 42% | 2 | +150% |
| `bluesky` | 5 | 42% | 1 | +400% |
| `rss` | 2 | 17% | 0 | new |

## Sentiment

11 of 12 mentions analysed.

```
          share                        count  previous  change
positive    36%  ███████▎                  4       33%  +3 pts
neutral     36%  ███████▎                  4       33%  +3 pts
negative    27%  █████▌                    3       33%  −6 pts

net by day  ▁█▆▆▁▆▅  (▁ all negative, █ all positive)
```

## Share of voice

Acme Cloud named in 11 mentions (previous 3).

| against | them | share | previous | change |
|---|---:|---:|---:|---:|
| NimbusDrive | 3 | 79% | 75% | +4 pts |
| Boxly | 2 | 85% | 100% | −15 pts |

Share = Acme Cloud / (Acme Cloud + competitor), counting the mentions naming each.

## Questions and responses

- questions: 4 (previous 1), 4 answered (100%)
- first response: median 1h, p90 2d 15h (previous median 2h)
- SLA breaches: 3 of 7 answered or still open: 2 answered late, 1 open past due (target 60 min, team.json `sla`)

Worst breaches:

| mention | network | author | late by | state |
|---|---|---|---:|---|
| `wgt65e94jj` | mastodon | `@anna@social.example` | 1d 23h | open |
| `djd67p6zc8` | bluesky | `@ben.bsky.social` | 30m | answered |
| `try65e94wj` | mastodon | `@dieter@social.example` | 15m | answered |

## Topics

| term | mentions | previous |
|---|---:|---:|
| `sync` | 7 | 1 |
| `nimbusdrive` | 3 | 1 |
| `boxly` | 2 | 0 |
| `speed` | 2 | 0 |

## Hashtags

| term | mentions | previous |
|---|---:|---:|
| `#outage` | 2 | 0 |

## Advocates

| person | networks | mentions | + | − | followers | score |
|---|---|---:|---:|---:|---:|---:|
| `@ben.bsky.social` | bluesky | 3 | 2 | 0 | 12,000 | 3.36 |
| `@hanna.bsky.social` | bluesky | 1 | 1 | 0 | 250,000 | 1.90 |
| `@jürgen.weiß@social.example` | mastodon | 1 | 1 | 0 | 300 | 1.41 |

- Most positive: `@ben.bsky.social` (2 positive)
- Most active: `@ben.bsky.social` (3 mentions)
- Widest reach: `@hanna.bsky.social` (250,000 followers)

Score = (positive − negative) × (1 + log10(1 + followers) / 6).

## Critics

| person | networks | mentions | + | − | followers | score |
|---|---|---:|---:|---:|---:|---:|
| `@anna@social.example` | mastodon | 2 | 0 | 2 | 150 | 2.73 |
| `@dieter@social.example` | mastodon | 1 | 0 | 1 | 80 | 1.32 |

## Posts published

- queue posts: 2 (acme-bsky 1, acme-masto 1)
- replies: 3 sent, 1 by hand (bluesky 2, mastodon 1, rss 1)

| when | account | post |
|---|---|---|
| Tue 17 Nov 10:00 | `acme-masto` | Winter update: faster sync for everyone |
| Tue 17 Nov 10:01 | `acme-bsky` | Winter update: faster sync for everyone |

## Crisis runs

- **Outage** (high): Mon 16 Nov 11:30 – Mon 16 Nov 15:45 (4h 15m), started by lea, ended by lea, 1 of 2 steps done. Sync restored, post-mortem filed

"""#

    static let csv = #"""
section,brand,time_zone,since,until,previous_since,generated_at,bucket_unit
report,Acme Cloud,Europe/Berlin,2026-11-15T23:00:00Z,2026-11-22T23:00:00Z,2026-11-08T23:00:00Z,2026-11-23T08:00:00Z,day

section,bucket,network,mentions
volume,2026-11-16,all,2
volume,2026-11-16,mastodon,2
volume,2026-11-16,bluesky,0
volume,2026-11-16,rss,0
volume,2026-11-17,all,1
volume,2026-11-17,mastodon,0
volume,2026-11-17,bluesky,1
volume,2026-11-17,rss,0
volume,2026-11-18,all,2
volume,2026-11-18,mastodon,0
volume,2026-11-18,bluesky,1
volume,2026-11-18,rss,1
volume,2026-11-19,all,2
volume,2026-11-19,mastodon,1
volume,2026-11-19,bluesky,1
volume,2026-11-19,rss,0
volume,2026-11-20,all,1
volume,2026-11-20,mastodon,1
volume,2026-11-20,bluesky,0
volume,2026-11-20,rss,0
volume,2026-11-21,all,2
volume,2026-11-21,mastodon,0
volume,2026-11-21,bluesky,2
volume,2026-11-21,rss,0
volume,2026-11-22,all,2
volume,2026-11-22,mastodon,1
volume,2026-11-22,bluesky,0
volume,2026-11-22,rss,1

section,network,mentions,previous_mentions
networks,all,12,3
networks,mastodon,5,2
networks,bluesky,5,1
networks,rss,2,0

section,sentiment,mentions,share,previous_mentions,previous_share
sentiment,positive,4,0.3636,1,0.3333
sentiment,neutral,4,0.3636,1,0.3333
sentiment,negative,3,0.2727,1,0.3333

section,bucket,analysed,net
sentiment_by_bucket,2026-11-16,2,-1.0000
sentiment_by_bucket,2026-11-17,1,1.0000
sentiment_by_bucket,2026-11-18,2,0.5000
sentiment_by_bucket,2026-11-19,2,0.5000
sentiment_by_bucket,2026-11-20,1,-1.0000
sentiment_by_bucket,2026-11-21,2,0.5000
sentiment_by_bucket,2026-11-22,1,0.0000

section,name,mentions,previous_mentions,share,previous_share
share_of_voice,Acme Cloud,11,3,,
share_of_voice,NimbusDrive,3,1,0.7857,0.7500
share_of_voice,Boxly,2,0,0.8462,1.0000

section,metric,value
responses,questions,4
responses,answered,4
responses,median_first_response_seconds,3600
responses,p90_first_response_seconds,227700
responses,previous_questions,1
responses,previous_median_first_response_seconds,7200
responses,sla_minutes,60
responses,sla_checked,7
responses,answered_late,2
responses,overdue,1
responses,breaches,3

section,key,network,author,created_at,late_seconds,answered
breaches,wgt65e94jj,mastodon,'@anna@social.example,2026-11-16T10:00:00Z,169200,false
breaches,djd67p6zc8,bluesky,'@ben.bsky.social,2026-11-19T09:00:00Z,1800,true
breaches,try65e94wj,mastodon,'@dieter@social.example,2026-11-20T16:30:00Z,900,true

section,kind,term,mentions,previous_mentions
terms,topic,sync,7,1
terms,topic,nimbusdrive,3,1
terms,topic,boxly,2,0
terms,topic,speed,2,0
terms,hashtag,#outage,2,0

section,rank,id,name,networks,mentions,positive,neutral,negative,followers,score
advocates,1,bluesky:ben.bsky.social,'@ben.bsky.social,bluesky,3,2,1,0,12000,3.36
advocates,2,bluesky:hanna.bsky.social,'@hanna.bsky.social,bluesky,1,1,0,0,250000,1.90
advocates,3,mastodon:jürgen.weiß@social.example,'@jürgen.weiß@social.example,mastodon,1,1,0,0,300,1.41
critics,1,mastodon:anna@social.example,'@anna@social.example,mastodon,2,0,0,2,150,2.73
critics,2,mastodon:dieter@social.example,'@dieter@social.example,mastodon,1,0,0,1,80,1.32

section,kind,name,count
published,queue_posts,all,2
published,queue_posts,acme-bsky,1
published,queue_posts,acme-masto,1
published,replies,all,3
published,manual_replies,all,1
published,replies_by_network,bluesky,2
published,replies_by_network,mastodon,1
published,replies_by_network,rss,1

section,at,account,text,url
posts,2026-11-17T09:00:00Z,acme-masto,Winter update: faster sync for everyone,https://social.example/@acme/1
posts,2026-11-17T09:01:00Z,acme-bsky,Winter update: faster sync for everyone,

section,id,name,severity,drill,started_at,started_by,ended_at,ended_by,summary,steps_done,steps
crises,c1,Outage,high,false,2026-11-16T10:30:00Z,lea,2026-11-16T14:45:00Z,lea,"Sync restored, post-mortem filed",1,2

"""#

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

    static let emptyText = #"""
Acme Cloud — report for Mon 5 Oct – Sun 11 Oct 2026
2026-10-05 00:00 to 2026-10-12 00:00 (Europe/Berlin), 7 days
Compared with the 7 days before. Generated 2026-11-23 09:00.

VOLUME
  No mentions in this period.
  The data directory holds 17 mentions, 10 Nov 2026 to 23 Nov 2026.

SENTIMENT
  No analysed mentions in this period.

SHARE OF VOICE
  Acme Cloud named in 0 mentions (previous 0)
  No competitor named either.

QUESTIONS AND RESPONSES
  questions        0 (previous 0), 0 answered
  first response   no answered questions
  SLA breaches     none: no mention was answered or is still open

TOPICS
  No topic came up in two mentions or more.

HASHTAGS
  No hashtag came up in two mentions or more.

ADVOCATES
  Nobody wrote in this period.

CRITICS
  Nobody was more negative than positive in this period.

POSTS PUBLISHED
  queue posts  0
  replies      0 sent, 0 by hand

CRISIS RUNS
  No crisis runs.

"""#
}
