import CLibcurl

extension CurlTransport {
    /// Maps libcurl's result codes to the transport errors users can act on. `timeout` is the limit
    /// that was reached when the code is a timeout (the whole-request one or the no-progress one).
    static func map(code: Int, detail: String, host: String, timeout: Double) -> TransportError {
        switch code {
        case DCS_CURLE_COULDNT_RESOLVE_HOST, DCS_CURLE_COULDNT_RESOLVE_PROXY: return .dnsFailure(host: host)
        case DCS_CURLE_COULDNT_CONNECT: return .connectionRefused(host: host)
        case DCS_CURLE_OPERATION_TIMEDOUT: return .timedOut(seconds: timeout)
        case DCS_CURLE_SSL_CONNECT_ERROR, DCS_CURLE_PEER_FAILED_VERIFICATION, DCS_CURLE_SSL_CACERT_BADFILE,
            DCS_CURLE_SSL_CERTPROBLEM, DCS_CURLE_SSL_CIPHER, DCS_CURLE_USE_SSL_FAILED, DCS_CURLE_SSL_ENGINE_NOTFOUND,
            DCS_CURLE_SSL_SHUTDOWN_FAILED, DCS_CURLE_SSL_CRL_BADFILE, DCS_CURLE_SSL_ISSUER_ERROR,
            DCS_CURLE_SSL_PINNEDPUBKEYNOTMATCH, DCS_CURLE_SSL_INVALIDCERTSTATUS:
            return .tls(detail)
        case DCS_CURLE_GOT_NOTHING, DCS_CURLE_RECV_ERROR, DCS_CURLE_SEND_ERROR, DCS_CURLE_PARTIAL_FILE,
            DCS_CURLE_WEIRD_SERVER_REPLY, DCS_CURLE_HTTP2, DCS_CURLE_HTTP2_STREAM:
            return .connectionLost(detail)
        case DCS_CURLE_ABORTED_BY_CALLBACK: return .cancelled
        default: return .other("curl \(code): \(detail)")
        }
    }
}
