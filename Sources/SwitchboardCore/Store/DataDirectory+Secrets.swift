import Foundation

extension DataDirectory {
    /// A secret's path as configured (`token_file`, `app_password_file`): absolute, `~/…`, or relative to the
    /// data directory.
    public func secretPath(_ p: String, environment env: [String: String] = ProcessInfo.processInfo.environment) -> URL
    {
        if p.hasPrefix("/") { return URL(fileURLWithPath: p) }
        if p.hasPrefix("~/") {
            return URL(fileURLWithPath: DataDirectory.home(env)).appendingPathComponent(String(p.dropFirst(2)))
        }
        return root.appendingPathComponent(p)
    }
}
