// See CResizeWake.h.
#include "CResizeWake.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static struct sigaction previous_action;
static volatile sig_atomic_t wake_descriptor = -1;
static volatile sig_atomic_t installed = 0;

static void on_resize(int signal_number, siginfo_t *info, void *context) {
    int saved_errno = errno;
    if (previous_action.sa_flags & SA_SIGINFO) {
        if (previous_action.sa_sigaction != NULL) previous_action.sa_sigaction(signal_number, info, context);
    } else if (previous_action.sa_handler != SIG_DFL && previous_action.sa_handler != SIG_IGN &&
               previous_action.sa_handler != NULL) {
        previous_action.sa_handler(signal_number);
    }
    int descriptor = wake_descriptor;
    if (descriptor >= 0) {
        char byte = 1;
        // A full pipe already wakes the reader: a failed write changes nothing.
        ssize_t ignored = write(descriptor, &byte, 1);
        (void)ignored;
    }
    errno = saved_errno;
}

int dcs_wake_on_resize(int descriptor) {
    if (installed) return 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = on_resize;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    wake_descriptor = descriptor;
    if (sigaction(SIGWINCH, &action, &previous_action) != 0) {
        wake_descriptor = -1;
        return -1;
    }
    installed = 1;
    return 0;
}

void dcs_stop_waking_on_resize(void) {
    if (!installed) return;
    wake_descriptor = -1;
    sigaction(SIGWINCH, &previous_action, NULL);
    installed = 0;
}
