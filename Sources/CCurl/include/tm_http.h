// A small blocking HTTP client over libcurl, loaded with dlopen on first use.
// Why dlopen: linking libcurl (and its TLS, GSSAPI, LDAP dependencies) costs every process
// several milliseconds at start-up; a cached `tokenman token` never makes a request.
#ifndef TOKENMAN_TM_HTTP_H
#define TOKENMAN_TM_HTTP_H
#include <stddef.h>

typedef enum {
    TM_HTTP_OK = 0,
    TM_HTTP_LIBRARY_MISSING = 1,   // libcurl could not be loaded
    TM_HTTP_UNREACHABLE = 2,       // DNS failure, connection refused
    TM_HTTP_TIMEOUT = 3,
    TM_HTTP_TLS = 4,               // handshake or certificate failure
    TM_HTTP_TOO_LARGE = 5,         // body exceeded max_body
    TM_HTTP_CONNECTION_LOST = 6,   // empty reply, reset, truncated answer
    TM_HTTP_CANCELLED = 7,
    TM_HTTP_OTHER = 8,
} tm_http_error_kind;

typedef struct {
    long status;
    char *body;
    size_t body_len;
    char *headers;          // raw response header lines, "\r\n"-separated, all responses received
    size_t headers_len;
    int error_kind;         // tm_http_error_kind
    char error_message[256];
} tm_http_response;

/// Performs one request. `header_lines` are "Name: value" strings. `ca_file`, when not NULL or
/// empty, is the PEM bundle of CAs to trust instead of the system's. `cancel_flag`, when not
/// NULL, is polled (an atomic load) during the transfer: a non-zero value aborts it.
/// Returns error_kind (also stored in `out`). `out` must be released with tm_http_response_free.
int tm_http_perform(const char *method, const char *url,
                    const char *const *header_lines, size_t header_count,
                    const char *body, size_t body_len,
                    long timeout_ms, long connect_timeout_ms, size_t max_body,
                    const char *ca_file,
                    const volatile int *cancel_flag,
                    tm_http_response *out);

void tm_http_response_free(tm_http_response *response);

/// Sets a cancel flag from another thread (an atomic store, paired with the poll's load).
void tm_http_cancel_flag_raise(int *flag);

/// 1 when libcurl is already loaded into this process (used by start-up cost tests).
int tm_http_library_loaded(void);
#endif
