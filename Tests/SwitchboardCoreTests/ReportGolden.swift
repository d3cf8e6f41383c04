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
