// libcurl's easy interface, loaded at run time with dlopen (DECISIONS.md, 2026-11-29, session 6).
//
// Why not a system-library target with <curl/curl.h>: a fresh machine has libcurl.so.4 (Swift's
// FoundationNetworking needs it) but not libcurl's development package, and `swift run dcswatch --demo`
// must build there. The option and error numbers below are libcurl's stable ABI (soname 4 since 2006);
// a test compiles them against <curl/curl.h> where it is installed, CI included.
// Swift cannot call C variadic functions, so every setopt/getinfo shape has a typed wrapper.
#ifndef CLIBCURL_H
#define CLIBCURL_H

#include <stddef.h>
#include <stdint.h>

/// Loads libcurl and calls curl_global_init once; 0 on success. Thread-safe; later calls return the first result.
int dcs_curl_load(void);
/// Why loading failed (dlerror's text, or the missing symbol); empty when it succeeded.
const char *dcs_curl_load_error(void);
/// libcurl's version string (curl_version()); NULL before a successful load.
const char *dcs_curl_version(void);

void *dcs_curl_easy_init(void);
void dcs_curl_easy_cleanup(void *handle);
void dcs_curl_easy_reset(void *handle);
long dcs_curl_easy_perform(void *handle);
const char *dcs_curl_easy_strerror(long code);
long dcs_curl_setopt_long(void *handle, long option, long value);
long dcs_curl_setopt_pointer(void *handle, long option, const void *value);
long dcs_curl_setopt_offset(void *handle, long option, int64_t value);
/// For CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
typedef size_t (*dcs_curl_data_callback)(char *data, size_t size, size_t count, void *context);
long dcs_curl_setopt_data_callback(void *handle, long option, dcs_curl_data_callback callback);
/// For CURLOPT_XFERINFOFUNCTION: returning non-zero aborts the transfer (CURLE_ABORTED_BY_CALLBACK).
typedef int (*dcs_curl_progress_callback)(void *context, int64_t download_total, int64_t downloaded,
                                          int64_t upload_total, int64_t uploaded);
long dcs_curl_setopt_progress_callback(void *handle, dcs_curl_progress_callback callback);
long dcs_curl_getinfo_long(void *handle, long info, long *value);
void *dcs_curl_slist_append(void *list, const char *text);
void dcs_curl_slist_free_all(void *list);

// Option numbers (CURLOPT_*: type base + number), info ids and error codes as in curl.h 7.88.
enum {
    DCS_CURLOPT_WRITEDATA = 10001,
    DCS_CURLOPT_URL = 10002,
    DCS_CURLOPT_ERRORBUFFER = 10010,
    DCS_CURLOPT_WRITEFUNCTION = 20011,
    DCS_CURLOPT_POSTFIELDS = 10015,
    DCS_CURLOPT_LOW_SPEED_LIMIT = 19,
    DCS_CURLOPT_LOW_SPEED_TIME = 20,
    DCS_CURLOPT_HTTPHEADER = 10023,
    DCS_CURLOPT_HEADERDATA = 10029,
    DCS_CURLOPT_CUSTOMREQUEST = 10036,
    DCS_CURLOPT_NOPROGRESS = 43,
    DCS_CURLOPT_NOBODY = 44,
    DCS_CURLOPT_POST = 47,
    DCS_CURLOPT_FOLLOWLOCATION = 52,
    DCS_CURLOPT_XFERINFODATA = 10057,
    DCS_CURLOPT_HEADERFUNCTION = 20079,
    DCS_CURLOPT_HTTPGET = 80,
    DCS_CURLOPT_NOSIGNAL = 99,
    DCS_CURLOPT_ACCEPT_ENCODING = 10102,
    DCS_CURLOPT_POSTFIELDSIZE_LARGE = 30120,
    DCS_CURLOPT_TIMEOUT_MS = 155,
    DCS_CURLOPT_CONNECTTIMEOUT_MS = 156,
    DCS_CURLOPT_TCP_KEEPALIVE = 213,
    DCS_CURLOPT_XFERINFOFUNCTION = 20219,
    DCS_CURLOPT_PROTOCOLS_STR = 10318,
    DCS_CURLINFO_RESPONSE_CODE = 0x200002,
    DCS_CURL_ERROR_SIZE = 256,
    DCS_CURLE_OK = 0,
    DCS_CURLE_UNSUPPORTED_PROTOCOL = 1,
    DCS_CURLE_URL_MALFORMAT = 3,
    DCS_CURLE_COULDNT_RESOLVE_PROXY = 5,
    DCS_CURLE_COULDNT_RESOLVE_HOST = 6,
    DCS_CURLE_COULDNT_CONNECT = 7,
    DCS_CURLE_WEIRD_SERVER_REPLY = 8,
    DCS_CURLE_HTTP2 = 16,
    DCS_CURLE_PARTIAL_FILE = 18,
    DCS_CURLE_OPERATION_TIMEDOUT = 28,
    DCS_CURLE_SSL_CONNECT_ERROR = 35,
    DCS_CURLE_ABORTED_BY_CALLBACK = 42,
    DCS_CURLE_GOT_NOTHING = 52,
    DCS_CURLE_SSL_ENGINE_NOTFOUND = 53,
    DCS_CURLE_SEND_ERROR = 55,
    DCS_CURLE_RECV_ERROR = 56,
    DCS_CURLE_SSL_CERTPROBLEM = 58,
    DCS_CURLE_SSL_CIPHER = 59,
    DCS_CURLE_PEER_FAILED_VERIFICATION = 60,
    DCS_CURLE_USE_SSL_FAILED = 64,
    DCS_CURLE_SSL_CACERT_BADFILE = 77,
    DCS_CURLE_SSL_SHUTDOWN_FAILED = 80,
    DCS_CURLE_SSL_CRL_BADFILE = 82,
    DCS_CURLE_SSL_ISSUER_ERROR = 83,
    DCS_CURLE_SSL_PINNEDPUBKEYNOTMATCH = 90,
    DCS_CURLE_SSL_INVALIDCERTSTATUS = 91,
    DCS_CURLE_HTTP2_STREAM = 92,
};

#endif
