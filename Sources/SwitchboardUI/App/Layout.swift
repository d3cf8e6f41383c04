import ScreenKit

/// Where everything goes: a pure function of the terminal size and the state.
public struct Layout: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case tooSmall, tabs, panes }
    public var kind: Kind
    /// Outer rectangle (border included) of every visible pane.
    public var panes: [Pane: Rect]
    /// The tab bar (tab mode only).
    public var tabBar: Rect?
    public var statusBar: Rect
    public var hintBar: Rect
    /// Rows at the very top above everything else (the team.json banner), when asked for.
    public var banner: Rect?

    public static let minimum = Size(width: 40, height: 10)
    public static let fourPaneWidth = 100
    public static let fourPaneHeight = 30

    /// The layout for the state: with the team.json banner's rows on top while team.json does not parse.
    public static func of(_ s: AppState) -> Layout {
        compute(
            size: s.chrome.size, focus: s.chrome.focus, zoomed: s.chrome.zoomed, bannerRows: s.bannerLines.count,
            style: s.chrome.layout)
    }

    /// `bannerRows` rows at the top are kept free (the panes move down), unless the terminal is too small then.
    public static func compute(
        size: Size, focus: Pane, zoomed: Bool, bannerRows: Int, style: LayoutStyle = .auto
    ) -> Layout {
        let whole = compute(size: size, focus: focus, zoomed: zoomed, style: style)
        guard bannerRows > 0 else { return whole }
        var l = compute(
            size: Size(width: size.width, height: size.height - bannerRows), focus: focus, zoomed: zoomed, style: style)
        guard l.kind != .tooSmall else { return whole }
        func down(_ r: Rect) -> Rect { Rect(x: r.x, y: r.y + bannerRows, width: r.width, height: r.height) }
        l.panes = l.panes.mapValues(down)
        l.tabBar = l.tabBar.map(down)
        l.statusBar = down(l.statusBar)
        l.hintBar = down(l.hintBar)
        l.banner = Rect(x: 0, y: 0, width: size.width, height: bannerRows)
        return l
    }

    /// `style` arranges the four panes (`LayoutStyle`); below `fourPaneWidth`×`fourPaneHeight` one pane shows at a
    /// time under a tab bar, whatever the style.
    public static func compute(size: Size, focus: Pane, zoomed: Bool, style: LayoutStyle = .auto) -> Layout {
        let w = size.width
        let h = size.height
        if w < minimum.width || h < minimum.height {
            return Layout(
                kind: .tooSmall, panes: [:], tabBar: nil, statusBar: Rect(x: 0, y: 0, width: 0, height: 0),
                hintBar: Rect(x: 0, y: 0, width: 0, height: 0))
        }
        let status = Rect(x: 0, y: h - 2, width: w, height: 1)
        let hint = Rect(x: 0, y: h - 1, width: w, height: 1)
        let tabs = w < fourPaneWidth || h < fourPaneHeight
        if tabs {
            let bar = Rect(x: 0, y: 0, width: w, height: 1)
            return Layout(
                kind: .tabs, panes: [focus: Rect(x: 0, y: 1, width: w, height: h - 3)], tabBar: bar, statusBar: status,
                hintBar: hint)
        }
        let body = Rect(x: 0, y: 0, width: w, height: h - 2)
        if zoomed { return Layout(kind: .panes, panes: [focus: body], tabBar: nil, statusBar: status, hintBar: hint) }
        let panes = style.resolved(width: w) == .side ? side(body) : stacked(body)
        return Layout(kind: .panes, panes: panes, tabBar: nil, statusBar: status, hintBar: hint)
    }

    /// The feed across the whole width on top (half the rows), below it the Mention pane (half the width) beside
    /// the Queue and Crisis panes. Only the feed's rows scroll, and they span the terminal's width: the terminal's
    /// scroll region moves them without touching the panes below.
    static func stacked(_ body: Rect) -> [Pane: Rect] {
        let feedH = (body.height + 1) / 2
        let lowerH = body.height - feedH
        let mentionW = body.width / 2
        let queueW = (body.width - mentionW) / 2
        return [
            .feed: Rect(x: 0, y: 0, width: body.width, height: feedH),
            .composer: Rect(x: 0, y: feedH, width: mentionW, height: lowerH),
            .queue: Rect(x: mentionW, y: feedH, width: queueW, height: lowerH),
            .crisis: Rect(x: mentionW + queueW, y: feedH, width: body.width - mentionW - queueW, height: lowerH),
        ]
    }

    /// The feed on the left (the full height), the Mention pane over the Queue and Crisis panes on the right.
    static func side(_ body: Rect) -> [Pane: Rect] {
        let feedW = body.width * 11 / 20
        let rightW = body.width - feedW
        let topH = body.height * 3 / 5
        let bottomH = body.height - topH
        let queueW = rightW / 2
        return [
            .feed: Rect(x: 0, y: 0, width: feedW, height: body.height),
            .composer: Rect(x: feedW, y: 0, width: rightW, height: topH),
            .queue: Rect(x: feedW, y: topH, width: queueW, height: bottomH),
            .crisis: Rect(x: feedW + queueW, y: topH, width: rightW - queueW, height: bottomH),
        ]
    }

    /// Rows of list content in the feed pane (inside the border), or a sensible guess when the feed is hidden.
    public static func feedViewport(_ s: AppState) -> Int {
        let l = compute(
            size: s.chrome.size, focus: .feed, zoomed: s.chrome.zoomed && s.chrome.focus == .feed,
            bannerRows: s.bannerLines.count, style: s.chrome.layout)
        if let r = l.panes[.feed] { return max(1, r.height - 2) }
        return max(1, s.chrome.size.height - 5)
    }
}
