#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
