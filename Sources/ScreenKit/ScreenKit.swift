// ScreenKit module
