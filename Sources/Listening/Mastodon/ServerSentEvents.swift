import Foundation

/// Parses `event:` / `data:` lines into events; comments (`:thump`) and unknown fields are ignored.
struct ServerSentEvents {
    private var event = ""
    private var data: [String] = []

    /// Feeds one line; returns an event when a blank line completes one.
    mutating func feed(_ line: String) -> (event: String, data: String)? {
        if line.isEmpty {
            defer { event = ""; data = [] }
            return data.isEmpty ? nil : (event.isEmpty ? "message" : event, data.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }
        let (field, value): (Substring, Substring)
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            var v = line[line.index(after: colon)...]
            if v.first == " " { v = v.dropFirst() }
            value = v
        } else { field = Substring(line); value = "" }
        switch field {
        case "event": event = String(value)
        case "data": data.append(String(value))
        default: break
        }
        return nil
    }
}
