#include "tm_http.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>

// The libcurl ABI numbers we use. They are part of libcurl's stable ABI (curl.h, 7.x and 8.x);
// declaring them here means building tokenman needs no libcurl development package.
enum {
    OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_ERRORBUFFER = 10010, OPT_POSTFIELDS = 10015,
    OPT_USERAGENT = 10018, OPT_HTTPHEADER = 10023, OPT_HEADERDATA = 10029,
    OPT_CUSTOMREQUEST = 10036, OPT_XFERINFODATA = 10057, OPT_WRITEFUNCTION = 20011,
    OPT_HEADERFUNCTION = 20079, OPT_XFERINFOFUNCTION = 20219, OPT_NOPROGRESS = 43,
    OPT_FOLLOWLOCATION = 52, OPT_POSTFIELDSIZE = 60, OPT_NOSIGNAL = 99, OPT_TIMEOUT_MS = 155,
    OPT_CONNECTTIMEOUT_MS = 156, OPT_PROTOCOLS = 181, OPT_SSL_VERIFYPEER = 64, OPT_SSL_VERIFYHOST = 81,
    OPT_CAINFO = 10065, OPT_NOPROXY = 10177,
    INFO_RESPONSE_CODE = 0x200002, GLOBAL_DEFAULT = 3, PROTO_HTTP = 1, PROTO_HTTPS = 2,
};
enum {
    E_OK = 0, E_UNSUPPORTED_PROTOCOL = 1, E_RESOLVE_PROXY = 5, E_RESOLVE_HOST = 6,
    E_COULDNT_CONNECT = 7, E_WEIRD_REPLY = 8, E_PARTIAL_FILE = 18, E_WRITE_ERROR = 23,
    E_TIMEDOUT = 28, E_SSL_CONNECT = 35, E_ABORTED = 42, E_GOT_NOTHING = 52, E_SEND = 55,
    E_RECV = 56, E_SSL_CERTPROBLEM = 58, E_SSL_CIPHER = 59, E_PEER_VERIFICATION = 60,
    E_SSL_CACERT_BADFILE = 77,
};

typedef void CURL;
struct curl_slist;
typedef int (*fn_global_init)(long);
typedef CURL *(*fn_easy_init)(void);
typedef int (*fn_easy_setopt)(CURL *, int, ...);
typedef int (*fn_easy_perform)(CURL *);
typedef int (*fn_easy_getinfo)(CURL *, int, ...);
typedef void (*fn_easy_cleanup)(CURL *);
typedef const char *(*fn_easy_strerror)(int);
typedef struct curl_slist *(*fn_slist_append)(struct curl_slist *, const char *);
typedef void (*fn_slist_free_all)(struct curl_slist *);

static struct {
    void *handle;
    fn_global_init global_init;
    fn_easy_init easy_init;
    fn_easy_setopt easy_setopt;
    fn_easy_perform easy_perform;
    fn_easy_getinfo easy_getinfo;
    fn_easy_cleanup easy_cleanup;
    fn_easy_strerror easy_strerror;
    fn_slist_append slist_append;
    fn_slist_free_all slist_free_all;
    char load_error[200];
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_curl(void) {
    const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", "libcurl.4.dylib", NULL};
    for (int i = 0; names[i] && !curl.handle; i++) curl.handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!curl.handle) {
        snprintf(curl.load_error, sizeof curl.load_error,
                 "libcurl is not installed (Debian: apt-get install libcurl4)");
        return;
    }
#define LOAD(field, sym) curl.field = (typeof(curl.field))dlsym(curl.handle, sym)
    LOAD(global_init, "curl_global_init");
    LOAD(easy_init, "curl_easy_init");
    LOAD(easy_setopt, "curl_easy_setopt");
    LOAD(easy_perform, "curl_easy_perform");
    LOAD(easy_getinfo, "curl_easy_getinfo");
    LOAD(easy_cleanup, "curl_easy_cleanup");
    LOAD(easy_strerror, "curl_easy_strerror");
    LOAD(slist_append, "curl_slist_append");
    LOAD(slist_free_all, "curl_slist_free_all");
#undef LOAD
    if (!curl.global_init || !curl.easy_init || !curl.easy_setopt || !curl.easy_perform ||
        !curl.easy_getinfo || !curl.easy_cleanup || !curl.easy_strerror || !curl.slist_append ||
        !curl.slist_free_all) {
        snprintf(curl.load_error, sizeof curl.load_error, "the installed libcurl lacks required functions");
        dlclose(curl.handle);
        curl.handle = NULL;
        return;
    }
    // curl_global_init is not thread-safe; pthread_once makes this the only call.
    curl.global_init(GLOBAL_DEFAULT);
}

typedef struct {
    char *data;
    size_t len;
    size_t cap;
    size_t limit;
    int overflow;
} buffer;

static int buffer_append(buffer *b, const char *src, size_t n) {
    if (b->limit && b->len + n > b->limit) { b->overflow = 1; return 0; }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1) cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) return 0;
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, src, n);
    b->len += n;
    b->data[b->len] = 0;
    return 1;
}

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *user) {
    size_t n = size * nmemb;
    return buffer_append((buffer *)user, ptr, n) ? n : 0;
}

static int on_progress(void *user, long long dltotal, long long dlnow, long long ultotal, long long ulnow) {
    (void)dltotal; (void)dlnow; (void)ultotal; (void)ulnow;
    const int *flag = (const int *)user;
    return (flag && __atomic_load_n(flag, __ATOMIC_ACQUIRE)) ? 1 : 0;
}

void tm_http_cancel_flag_raise(int *flag) {
    __atomic_store_n(flag, 1, __ATOMIC_RELEASE);
}

static int classify(int code, int overflow) {
    if (overflow) return TM_HTTP_TOO_LARGE;
    switch (code) {
    case E_OK: return TM_HTTP_OK;
    case E_RESOLVE_PROXY: case E_RESOLVE_HOST: case E_COULDNT_CONNECT: return TM_HTTP_UNREACHABLE;
    case E_TIMEDOUT: return TM_HTTP_TIMEOUT;
    case E_SSL_CONNECT: case E_SSL_CERTPROBLEM: case E_SSL_CIPHER: case E_PEER_VERIFICATION:
    case E_SSL_CACERT_BADFILE: return TM_HTTP_TLS;
    case E_GOT_NOTHING: case E_SEND: case E_RECV: case E_PARTIAL_FILE: case E_WEIRD_REPLY:
        return TM_HTTP_CONNECTION_LOST;
    case E_ABORTED: return TM_HTTP_CANCELLED;
    default: return TM_HTTP_OTHER;
    }
}

int tm_http_library_loaded(void) { return curl.handle != NULL; }

int tm_http_perform(const char *method, const char *url,
                    const char *const *header_lines, size_t header_count,
                    const char *body, size_t body_len,
                    long timeout_ms, long connect_timeout_ms, size_t max_body,
                    const char *ca_file,
                    const volatile int *cancel_flag,
                    tm_http_response *out) {
    memset(out, 0, sizeof *out);
    pthread_once(&load_once, load_curl);
    if (!curl.handle) {
        out->error_kind = TM_HTTP_LIBRARY_MISSING;
        snprintf(out->error_message, sizeof out->error_message, "%s", curl.load_error);
        return out->error_kind;
    }
    CURL *easy = curl.easy_init();
    if (!easy) {
        out->error_kind = TM_HTTP_OTHER;
        snprintf(out->error_message, sizeof out->error_message, "could not create an HTTP handle");
        return out->error_kind;
    }
    buffer body_buf = {0}, header_buf = {0};
    body_buf.limit = max_body;
    header_buf.limit = 256 * 1024;
    char errbuf[256] = {0};
    struct curl_slist *list = NULL;
    for (size_t i = 0; i < header_count; i++) list = curl.slist_append(list, header_lines[i]);

    curl.easy_setopt(easy, OPT_URL, url);
    curl.easy_setopt(easy, OPT_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(easy, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(easy, OPT_FOLLOWLOCATION, 0L);
    curl.easy_setopt(easy, OPT_ERRORBUFFER, errbuf);
    curl.easy_setopt(easy, OPT_USERAGENT, "tokenman");
    curl.easy_setopt(easy, OPT_CUSTOMREQUEST, method);
    // Plain http is only ever allowed to loopback (TransportSecurityPolicy): such a request
    // carries a password in clear and must never be handed to a proxy from http_proxy or
    // ALL_PROXY. HTTPS keeps libcurl's usual proxy variables (https_proxy, ALL_PROXY, NO_PROXY).
    if (strncasecmp(url, "http://", 7) == 0) curl.easy_setopt(easy, OPT_NOPROXY, "*");
    // Verification is libcurl's default; set it anyway so no build or environment can turn it
    // off. There is no option to disable it: a private CA is trusted with ca_file instead.
    curl.easy_setopt(easy, OPT_SSL_VERIFYPEER, 1L);
    curl.easy_setopt(easy, OPT_SSL_VERIFYHOST, 2L);
    if (ca_file && ca_file[0]) curl.easy_setopt(easy, OPT_CAINFO, ca_file);
    if (list) curl.easy_setopt(easy, OPT_HTTPHEADER, list);
    if (body) {
        curl.easy_setopt(easy, OPT_POSTFIELDSIZE, (long)body_len);
        curl.easy_setopt(easy, OPT_POSTFIELDS, body);
    }
    if (timeout_ms > 0) curl.easy_setopt(easy, OPT_TIMEOUT_MS, timeout_ms);
    if (connect_timeout_ms > 0) curl.easy_setopt(easy, OPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
    curl.easy_setopt(easy, OPT_WRITEFUNCTION, on_data);
    curl.easy_setopt(easy, OPT_WRITEDATA, &body_buf);
    curl.easy_setopt(easy, OPT_HEADERFUNCTION, on_data);
    curl.easy_setopt(easy, OPT_HEADERDATA, &header_buf);
    if (cancel_flag) {
        curl.easy_setopt(easy, OPT_NOPROGRESS, 0L);
        curl.easy_setopt(easy, OPT_XFERINFOFUNCTION, on_progress);
        curl.easy_setopt(easy, OPT_XFERINFODATA, (void *)cancel_flag);
    }

    int code = curl.easy_perform(easy);
    long status = 0;
    curl.easy_getinfo(easy, INFO_RESPONSE_CODE, &status);
    out->status = status;
    out->error_kind = classify(code, body_buf.overflow);
    if (out->error_kind != TM_HTTP_OK) {
        if (body_buf.overflow)
            snprintf(out->error_message, sizeof out->error_message,
                     "the response body is larger than %zu bytes", max_body);
        else
            snprintf(out->error_message, sizeof out->error_message, "%s",
                     errbuf[0] ? errbuf : curl.easy_strerror(code));
        free(body_buf.data);
        free(header_buf.data);
    } else {
        out->body = body_buf.data;
        out->body_len = body_buf.len;
        out->headers = header_buf.data;
        out->headers_len = header_buf.len;
    }
    if (list) curl.slist_free_all(list);
    curl.easy_cleanup(easy);
    return out->error_kind;
}

void tm_http_response_free(tm_http_response *response) {
    if (!response) return;
    free(response->body);
    free(response->headers);
    response->body = NULL;
    response->headers = NULL;
}
