// The expected whole screens of CommunityScreenTests.

let COMMUNITY_FEED = """
    ┌─ Feed — 6 ───────────────────────────────────────────────────────────────────────────────────────────────────────────┐
    │ 5m M⚑anna@social.exam -! new  due 55m Still no refund, this is the worst support ever.                               │
    │30m M★mia@tech.example +♥ new  due 30m Acme's new release is great, recommended!                                      │
    │ 1h B ben.bsky.social  +  new  late 30m Acme support was quick to help, thanks                                        │
    │ 2h B annab.bsky.socia -  new  late 1h Acme refund still missing                                                      │
    │ 8d M⚑anna@social.exam -! new  late 7d Acme lost my parcel again.                                                     │
    │15d M⚑anna@social.exam =  new  late 14d Ordered from Acme today.                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
    ┌─ Mention ────────────────────────────────────────────────┐┌─ Queue ────────────────────┐┌─ Crisis ───────────────────┐
    │ No mention open: select one in the feed and press Enter. ││ No scheduled posts         ││ No active crisis.          │
    │                                                          ││                            ││ No playbooks yet.          │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    │                                                          ││                            ││                            │
    └──────────────────────────────────────────────────────────┘└────────────────────────────┘└────────────────────────────┘
     ~/sb · alice · 6 new · 6 open · 4 overdue · ⟳ polling
    j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom  : command  ? help  q quit
    """

let COMMUNITY_CARD = """
    ┌─ Feed — 6 ─────────────────────────────────────────────────────┐┌─ Mention · replying ───────────────────────────────┐
    │ 5m M⚑anna@social. -! open due 55m Still no refund, this is the ││ @anna@social.example (Anna Berg) · 800 followers   │
    │30m M★mia@tech.exa +♥ new  due 30m Acme's new release is great, ││ Mastodon · 2026-11-27 11:55 (5m ago) · 13ab7e94xp  │
    │ 1h B ben.bsky.soc +  new  late 30m Acme support was quick to he││ https://social.example/@anna@social.example/a1     │
    │ 2h B annab.bsky.s -  new  late 1h Acme refund still missing    ││ status: open · due in 55m · priority: normal · ass…│
    │ 8d M⚑anna@social. -! new  late 7d Acme lost my parcel again.   ││ negative (-0.6) · complaint · en                   │
    │15d M⚑anna@social. =  new  late 14d Ordered from Acme today.    ││ Contact: Anna Berg                                 │
    │                                                                ││ roles: critic? · reach 800 · 3 mentions · 0 replies│
    │                                                                ││ sentiment by week          ▅▂▂ · 0+ 1= 2- · mean -…│
    │                                                                ││                                                    │
    │                                                                ││ Still no refund, this is the worst support ever.   │
    │                                                                ││                                                    │
    │                                                                ││                                                    │
    │                                                                ││                                                    │
    │                                                                ││                                                    │
    │                                                                ││─ Reply · 6/500 ────────────────────────────────────│
    │                                                                ││ @anna@social.example                               │
    │                                                                ││                                                    │
    │                                                                ││                                                    │
    │                                                                ││                                                    │
    │                                                                ││                                                    │
    │                                                                │└────────────────────────────────────────────────────┘
    │                                                                │┌─ Queue ─────────────────┐┌─ Crisis ────────────────┐
    │                                                                ││ No scheduled posts      ││ No active crisis.       │
    │                                                                ││                         ││ No playbooks yet.       │
    │                                                                ││                         ││                         │
    │                                                                ││                         ││                         │
    │                                                                ││                         ││                         │
    │                                                                ││                         ││                         │
    │                                                                ││                         ││                         │
    │                                                                ││                         ││                         │
    │                                                                ││                         ││                         │
    │                                                                ││                         ││                         │
    │                                                                ││                         ││                         │
    │                                                                ││                         ││                         │
    │                                                                ││                         ││                         │
    │                                                                ││                         ││                         │
    └────────────────────────────────────────────────────────────────┘└─────────────────────────┘└─────────────────────────┘
     ~/sb · alice · 5 new · 6 open · 4 overdue · ⟳ polling
    C-s send  C-t template  M-s save  C-e editor  <Esc> back  <Tab> pane  <F1> help  C-c quit
    """

let COMMUNITY_REPORT = """
    ┌─ Report — last 7 days (j/k scroll, r again, Esc closes) ─────────────────────────────────────────────────────────────┐
    │ Acme — report for Sat 21 Nov – Fri 27 Nov 2026                                                                       │
    │ 2026-11-21 00:00 to 2026-11-27 12:00 (GMT), 6d 12h                                                                   │
    │ Compared with the 6d 12h before. Generated 2026-11-27 12:00.                                                         │
    │                                                                                                                      │
    │ VOLUME                                                                                                               │
    │   4 mentions, +300% on the previous period (1)                                                                       │
    │                                                                                                                      │
    │   day         mastodon  bluesky  total                                                                               │
    │   Sat 21 Nov         0        0      0                                                                               │
    │   Sun 22 Nov         0        0      0                                                                               │
    │   Mon 23 Nov         0        0      0                                                                               │
    │   Tue 24 Nov         0        0      0                                                                               │
    │   Wed 25 Nov         0        0      0                                                                               │
    │   Thu 26 Nov         0        0      0                                                                               │
    │   Fri 27 Nov         2        2      4  ████████████████████                                                         │
    │                                                                                                                      │
    │   network   by day   total  share  previous  change                                                                  │
    │   mastodon        █      2    50%         1   +100%                                                                  │
    │   bluesky         █      2    50%         0     new                                                                  │
    │                                                                                                                      │
    │ SENTIMENT                                                                                                            │
    │   4 of 4 mentions analysed                                                                                           │
    │                                                                                                                      │
    │             share                        count  previous   change                                                    │
    │   positive    50%  ██████████                2        0%  +50 pts                                                    │
    │   neutral      0%                            0        0%   ±0 pts                                                    │
    │   negative    50%  ██████████                2      100%  −50 pts                                                    │
    │                                                                                                                      │
    │   net by day        ▅  (▁ all negative, █ all positive)                                                              │
    │                                                                                                                      │
    │ SHARE OF VOICE                                                                                                       │
    │   Acme named in 3 mentions (previous 1)                                                                              │
    │   No competitors in team.json ("competitors").                                                                       │
    │                                                                                                                      │
    │ QUESTIONS AND RESPONSES                                                                                              │
    │   questions        0 (previous 0), 0 answered                                                                        │
    └──────────────────────────────────────────────────────────────────────────────────────────────────────────── 1–36/75 ─┘
     ~/sb · alice · 6 new · 6 open · 4 overdue · ⟳ polling
    j scroll  <PgDn> page  r again  <Esc> close
    """

let COMMUNITY_CONTACTS = """
    ┌─ Contacts — 4 · by reach ────────────────────────────────────────────────────────────────────────────────────────────┐
    │  name                     accounts                                     roles                       reach  ment   mood│
    │ ★Mia Tech                 @mia@tech.example                            multiplier?                52,000     1  +0.60│
    │ ⚑Anna Berg                @anna@social.example                         critic?                       800     3  -0.40│
    │  Anna B.                  @annab.bsky.social                                                         300     1  -0.60│
    │  Ben                      @ben.bsky.social                                                            40     1  +0.60│
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
     ~/sb · alice · 6 new · 6 open · 4 overdue · ⟳ polling
    <Enter> card  / search  o sort  <Space> mark  m merge  + +role  N note  a advocates  <Esc> close
    """

let COMMUNITY_CCARD = """
    ┌─ Contact — Mia Tech (+/- role, N note, Esc back) ────────────────────────────────────────────────────────────────────┐
    │ Mia Tech · w1awpqat6c                                                                                                │
    │   @mia@tech.example (mastodon)                                                                                       │
    │ roles: none set                                                                                                      │
    │   suggested: multiplier? — reach 52,000 and 1 positive mention                                                       │
    │ reach 52,000 · 1 mention (1+ 0= 0-) · 0 replies                                                                      │
    │ sentiment by week (12 weeks)            ▇ · mean +0.60                                                               │
    │                                                                                                                      │
    │ History (1):                                                                                                         │
    │ 2026-11-27 11:30 + Acme's new release is great, recommended!                                                         │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    │                                                                                                                      │
    └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
     ~/sb · alice · 6 new · 6 open · 4 overdue · ⟳ polling
    j scroll  + +role  - -role  N note  <Esc> back
    """

