#ifndef SPECKIT_CCMARKGFM_SHIM_H
#define SPECKIT_CCMARKGFM_SHIM_H
// Debian: libcmark-gfm-dev + libcmark-gfm-extensions-dev.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
