/// The one seam between the UI and a real terminal. `NCursesTerminal` implements it for the program;
/// tests render into a `ScreenBuffer` and never need one.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// Shows `buffer`, sending only the cells that changed since the last call; places the cursor or hides it.
    func present(_ buffer: ScreenBuffer, cursor: Point?)
}
