import CLibcurl
import Foundation

/// One libcurl easy handle and the serial queue its blocking transfers run on. The handle keeps its
/// connections open between requests, so the refresh after this one reuses the TCP (and TLS) session.
///
/// `@unchecked Sendable`: the handle is used by one transfer at a time (the pool hands it out to one
/// request, and the work runs on `queue`).
final class CurlEasyHandle: @unchecked Sendable {
    /// A serial queue: Dispatch gives it a thread of its own while a transfer blocks there.
    let queue = DispatchQueue(label: "dcswatch.http.curl")
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(DCS_CURL_ERROR_SIZE))

    /// A new easy handle; nil when libcurl could not make one (out of memory).
    init?() {
        guard let handle = dcs_curl_easy_init() else { return nil }
        self.handle = handle
    }

    deinit {
        dcs_curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Sends `request` and blocks until the response is complete, the transfer fails, or `exchange`
    /// is cancelled. `idleTimeout`: how long connecting, or the transfer, may make no progress at all;
    /// `deadline`: the whole request.
    func perform(
        _ request: HTTPRequest, into exchange: CurlExchange, idleTimeout: TimeInterval, deadline: TimeInterval
    ) -> Result<HTTPResponse, TransportError> {
        // Clears the previous request's options; the connection cache and DNS cache stay.
        dcs_curl_easy_reset(handle)
        errorBuffer[0] = 0
        var headerList: UnsafeMutableRawPointer?
        defer { if let headerList { dcs_curl_slist_free_all(headerList) } }
        for field in request.headers {
            headerList = dcs_curl_slist_append(headerList, "\(field.name): \(field.value)")
        }
        if !request.body.isEmpty, request.headers["Content-Type"] == nil {
            // libcurl would otherwise label a body as a form; the signature covers what we send.
            headerList = dcs_curl_slist_append(headerList, "Content-Type:")
        }
        let context = Unmanaged.passUnretained(exchange).toOpaque()
        set(DCS_CURLOPT_URL, string: request.url.absoluteString)
        set(DCS_CURLOPT_PROTOCOLS_STR, string: "http,https")
        set(DCS_CURLOPT_NOSIGNAL, 1)
        set(DCS_CURLOPT_FOLLOWLOCATION, 0)
        set(DCS_CURLOPT_TCP_KEEPALIVE, 1)
        // Whatever compression libcurl can decode, as URLSession asked for it (the body arrives decoded).
        set(DCS_CURLOPT_ACCEPT_ENCODING, string: "")
        set(DCS_CURLOPT_CONNECTTIMEOUT_MS, milliseconds(min(idleTimeout, deadline)))
        set(DCS_CURLOPT_TIMEOUT_MS, milliseconds(deadline))
        // "No progress for idleTimeout": under 1 byte/s averaged over that many whole seconds.
        set(DCS_CURLOPT_LOW_SPEED_LIMIT, 1)
        set(DCS_CURLOPT_LOW_SPEED_TIME, max(Int(idleTimeout.rounded(.up)), 1))
        _ = dcs_curl_setopt_pointer(handle, DCS_CURLOPT_ERRORBUFFER, errorBuffer)
        _ = dcs_curl_setopt_pointer(handle, DCS_CURLOPT_HTTPHEADER, headerList)
        _ = dcs_curl_setopt_data_callback(handle, DCS_CURLOPT_WRITEFUNCTION, curlBodyCallback)
        _ = dcs_curl_setopt_pointer(handle, DCS_CURLOPT_WRITEDATA, context)
        _ = dcs_curl_setopt_data_callback(handle, DCS_CURLOPT_HEADERFUNCTION, curlHeaderCallback)
        _ = dcs_curl_setopt_pointer(handle, DCS_CURLOPT_HEADERDATA, context)
        set(DCS_CURLOPT_NOPROGRESS, 0)
        _ = dcs_curl_setopt_progress_callback(handle, curlProgressCallback)
        _ = dcs_curl_setopt_pointer(handle, DCS_CURLOPT_XFERINFODATA, context)
        switch request.method.uppercased() {
        case "GET": set(DCS_CURLOPT_HTTPGET, 1)
        case "HEAD": set(DCS_CURLOPT_NOBODY, 1)
        case "POST": set(DCS_CURLOPT_POST, 1)
        default: set(DCS_CURLOPT_CUSTOMREQUEST, string: request.method)
        }
        let started = Date()
        let code = request.body.withUnsafeBytes { body -> Int in
            if !request.body.isEmpty || request.method.uppercased() == "POST" {
                // libcurl reads the body from this pointer during the transfer (not copied), which
                // is why the transfer runs inside this closure.
                _ = dcs_curl_setopt_offset(handle, DCS_CURLOPT_POSTFIELDSIZE_LARGE, Int64(body.count))
                _ = dcs_curl_setopt_pointer(handle, DCS_CURLOPT_POSTFIELDS, body.baseAddress ?? UnsafeRawPointer(errorBuffer))
            }
            return dcs_curl_easy_perform(handle)
        }
        if code == DCS_CURLE_OK {
            var status = 0
            _ = dcs_curl_getinfo_long(handle, DCS_CURLINFO_RESPONSE_CODE, &status)
            return .success(
                HTTPResponse(status: status != 0 ? status : exchange.status, headers: exchange.headers, body: exchange.takeBody())
            )
        }
        let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: dcs_curl_easy_strerror(code))
        let elapsed = Date().timeIntervalSince(started)
        return .failure(
            CurlTransport.map(
                code: code, detail: detail, host: request.url.host ?? "",
                timeout: elapsed >= deadline - 0.05 ? deadline : min(idleTimeout, deadline)))
    }

    private func set(_ option: Int, _ value: Int) {
        _ = dcs_curl_setopt_long(handle, option, value)
    }

    /// libcurl copies strings given to setopt (all but POSTFIELDS), so the C string may end here.
    private func set(_ option: Int, string: String) {
        _ = string.withCString { dcs_curl_setopt_pointer(handle, option, $0) }
    }

    private func milliseconds(_ seconds: TimeInterval) -> Int {
        max(Int((seconds * 1000).rounded(.up)), 1)
    }
}

/// libcurl's write callback: the body chunk goes to the exchange. Returning less than given aborts.
private let curlBodyCallback: dcs_curl_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
    exchange.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

/// libcurl's header callback: one header line at a time, status lines included.
private let curlHeaderCallback: dcs_curl_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
    exchange.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

/// libcurl's progress callback (at least once a second, and on every chunk): non-zero aborts a
/// cancelled request.
private let curlProgressCallback: dcs_curl_progress_callback = { context, _, _, _, _ in
    guard let context else { return 1 }
    return Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
}
