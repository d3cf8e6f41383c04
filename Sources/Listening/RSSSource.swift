import Foundation
import SwitchboardCore

public struct RSSSource {
    public static let userAgent = "Switchboard/0.1 (+https://github.com/switchboard-app/switchboard; feed reader)"
    public static let accept = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
}
