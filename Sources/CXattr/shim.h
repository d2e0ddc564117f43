// Extended attributes (glibc's sys/xattr.h, which Swift's Glibc module leaves out): the mark speckit puts on
// its temporary files and staging folders, read and written only by SpeckitCore's IO/FileMarker.swift.
#include <sys/xattr.h>
