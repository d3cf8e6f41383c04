import Foundation
import SwitchboardCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Server-sent events over a long-lived HTTP response, line by line (URLSession with a data delegate,
/// so it works with FoundationNetworking on Linux).
public final class EventStreamClient: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private var continuation: AsyncThrowingStream<String, Error>.Continuation?
    private var buffer = [UInt8]()
    private var status = 0
    private var errorBody = [UInt8]()
    private let lock = NSLock()

    /// The response's lines (without line endings). Throws `SourceError` for a non-2xx status.
    public static func lines(_ request: HTTPRequest) -> AsyncThrowingStream<String, Error> {
        let client = EventStreamClient()
        return AsyncThrowingStream { cont in
            client.continuation = cont
            let config = URLSessionConfiguration.ephemeral
            config.timeoutIntervalForRequest = request.timeout
            config.timeoutIntervalForResource = 7 * 86400
            config.urlCache = nil
            let session = URLSession(configuration: config, delegate: client, delegateQueue: nil)
            var r = URLRequest(
                url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
            r.httpMethod = request.method
            for (k, v) in request.headers { r.setValue(v, forHTTPHeaderField: k) }
            let task = session.dataTask(with: r)
            cont.onTermination = { _ in
                task.cancel()
                session.invalidateAndCancel()
            }
            task.resume()
        }
    }

    public func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { status = (response as? HTTPURLResponse)?.statusCode ?? 0 }
        completionHandler(.allow)
    }

    public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock {
            if !(200..<300).contains(status) { errorBody += data.prefix(2048); return }
            buffer += data
            while let nl = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<nl])
                if line.last == 13 { line.removeLast() }
                buffer.removeSubrange(...nl)
                continuation?.yield(String(decoding: line, as: UTF8.self))
            }
        }
    }

    public func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.withLock {
            if !(200..<300).contains(status), status != 0 {
                let r = HTTPResponse(status: status, headers: [:], body: Data(errorBody))
                do { try NetworkCall.check(r, label: "streaming", loginHint: "check the token") } catch {
                    continuation?.finish(throwing: error)
                    return
                }
            }
            if let error {
                continuation?.finish(
                    throwing: SourceError.transient("streaming: \(NetworkCall.transportReason(error))"))
            } else { continuation?.finish() }
        }
        session.finishTasksAndInvalidate()
    }
}
