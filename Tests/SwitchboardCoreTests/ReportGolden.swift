enum ReportGolden {
    static let text = ""
    static let markdown = ""
    static let csv = ""
    static let json = ""
    static let emptyText = ""
}
