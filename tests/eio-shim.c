/* eio-shim.c: an LD_PRELOAD library under which reading a file fails
 *
 * Every read() of a file whose name ends in ".eio.jsonl" fails with EIO,
 * as a failing disk or network file system does, every time it is tried.
 * test_privacy.py runs the careplan tool under it to check that a read
 * error stops that file instead of being reported for ever.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static int
failing (int fd)
{
  static const char suffix[] = ".eio.jsonl";
  char link[64], path[4096];
  ssize_t n;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, path, sizeof path - 1);
  if (n < (ssize_t) (sizeof suffix - 1))
    return 0;
  path[n] = '\0';
  return strcmp (path + n - (sizeof suffix - 1), suffix) == 0;
}

ssize_t
read (int fd, void *buf, size_t count)
{
  static ssize_t (*real_read) (int, void *, size_t);

  if (failing (fd))
    {
      errno = EIO;
      return -1;
    }
  if (real_read == NULL)
    real_read = (ssize_t (*) (int, void *, size_t)) dlsym (RTLD_NEXT, "read");
  return real_read (fd, buf, count);
}
