// glibc's allocator tuning (mallopt), for the speckit executable only.
#include <malloc.h>
