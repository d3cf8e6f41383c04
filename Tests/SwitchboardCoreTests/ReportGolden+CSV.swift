/// The report on ReportFixture as CSV.
extension ReportGolden {
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
}
