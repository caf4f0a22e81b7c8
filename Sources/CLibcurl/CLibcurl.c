// Loads libcurl with dlopen and forwards typed calls to its variadic functions (see CLibcurl.h).
#include "CLibcurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

typedef int (*setopt_function)(void *, int, ...);
typedef int (*getinfo_function)(void *, int, ...);

static struct {
    int (*global_init)(long);
    void *(*easy_init)(void);
    void (*easy_cleanup)(void *);
    void (*easy_reset)(void *);
    int (*easy_perform)(void *);
    const char *(*easy_strerror)(int);
    setopt_function easy_setopt;
    getinfo_function easy_getinfo;
    void *(*slist_append)(void *, const char *);
    void (*slist_free_all)(void *);
    const char *(*version)(void);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_result = -1;
static char load_error[512];

static void *symbol(void *library, const char *name) {
    void *address = dlsym(library, name);
    if (address == NULL && load_error[0] == 0) snprintf(load_error, sizeof load_error, "libcurl has no %s", name);
    return address;
}

static void load(void) {
    // libcurl.so.4 is the runtime library itself; libcurl.so exists only with the -dev package.
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "%s", reason ? reason : "libcurl.so.4 not found");
        return;
    }
    curl.global_init = symbol(library, "curl_global_init");
    curl.easy_init = symbol(library, "curl_easy_init");
    curl.easy_cleanup = symbol(library, "curl_easy_cleanup");
    curl.easy_reset = symbol(library, "curl_easy_reset");
    curl.easy_perform = symbol(library, "curl_easy_perform");
    curl.easy_strerror = symbol(library, "curl_easy_strerror");
    curl.easy_setopt = (setopt_function)symbol(library, "curl_easy_setopt");
    curl.easy_getinfo = (getinfo_function)symbol(library, "curl_easy_getinfo");
    curl.slist_append = symbol(library, "curl_slist_append");
    curl.slist_free_all = symbol(library, "curl_slist_free_all");
    curl.version = symbol(library, "curl_version");
    if (load_error[0] != 0) return;
    // CURL_GLOBAL_DEFAULT (SSL | WIN32). Reference-counted by libcurl, so FoundationNetworking's own call is unaffected.
    if (curl.global_init(3) != DCS_CURLE_OK) {
        snprintf(load_error, sizeof load_error, "curl_global_init failed");
        return;
    }
    load_result = 0;
}

int dcs_curl_load(void) {
    pthread_once(&load_once, load);
    return load_result;
}

const char *dcs_curl_load_error(void) { return load_error; }
const char *dcs_curl_version(void) { return load_result == 0 ? curl.version() : NULL; }
void *dcs_curl_easy_init(void) { return curl.easy_init(); }
void dcs_curl_easy_cleanup(void *handle) { curl.easy_cleanup(handle); }
void dcs_curl_easy_reset(void *handle) { curl.easy_reset(handle); }
long dcs_curl_easy_perform(void *handle) { return curl.easy_perform(handle); }
const char *dcs_curl_easy_strerror(long code) { return curl.easy_strerror((int)code); }
long dcs_curl_setopt_long(void *handle, long option, long value) { return curl.easy_setopt(handle, (int)option, value); }
long dcs_curl_setopt_pointer(void *handle, long option, const void *value) {
    return curl.easy_setopt(handle, (int)option, value);
}
long dcs_curl_setopt_offset(void *handle, long option, int64_t value) {
    return curl.easy_setopt(handle, (int)option, (long long)value);
}
long dcs_curl_setopt_data_callback(void *handle, long option, dcs_curl_data_callback callback) {
    return curl.easy_setopt(handle, (int)option, callback);
}
long dcs_curl_setopt_progress_callback(void *handle, dcs_curl_progress_callback callback) {
    return curl.easy_setopt(handle, DCS_CURLOPT_XFERINFOFUNCTION, callback);
}
long dcs_curl_getinfo_long(void *handle, long info, long *value) { return curl.easy_getinfo(handle, (int)info, value); }
void *dcs_curl_slist_append(void *list, const char *text) { return curl.slist_append(list, text); }
void dcs_curl_slist_free_all(void *list) { curl.slist_free_all(list); }
