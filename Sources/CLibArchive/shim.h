#ifndef SPECKIT_CLIBARCHIVE_SHIM_H
#define SPECKIT_CLIBARCHIVE_SHIM_H
// Debian: libarchive-dev.
#include <archive.h>
#include <archive_entry.h>
#endif
