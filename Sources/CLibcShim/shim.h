#ifndef DUBAO_CLIBC_SHIM_H
#define DUBAO_CLIBC_SHIM_H
// C library functions that `import Glibc` does not show: they are GNU extensions, declared only
// with _GNU_SOURCE, which the Glibc module is not built with.
#include <stddef.h>

#ifdef __linux__
extern int syncfs(int fd);
/// Flushes every file of the file system `fd` is on: one call for all the files an import wrote.
static inline int dubao_syncfs(int fd) { return syncfs(fd); }
#else
extern void sync(void);
static inline int dubao_syncfs(int fd) { (void)fd; sync(); return 0; }
#endif

#endif
