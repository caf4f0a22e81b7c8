// glibc's malloc tuning interface (mallopt and its M_* parameters), which Swift's Glibc module does
// not include. Used only by the executable's MemoryTuning at start-up.
#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
