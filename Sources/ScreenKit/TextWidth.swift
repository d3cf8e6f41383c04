import TextSafety

/// Display width of text in terminal cells: TextSafety's one width rule, under ScreenKit's name.
public typealias TextWidth = TextSafety.TextWidth
