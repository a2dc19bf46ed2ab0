/* cp-file.c: replacing a file atomically without loosening it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "careplan.h"
#include "cp-file-private.h"

/* Symbolic links followed before giving up (as the kernel's ELOOP). */
#define MAX_LINKS 40

static gboolean
file_error (GError    **error,
            int         saved_errno,
            const char *what,
            const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s%s",
               display, what, g_strerror (saved_errno));
  return FALSE;
}

/* The file a save to @path replaces: @path with every symbolic link on
 * its last component followed, even to a file that does not exist yet. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      g_autoptr(GError) local_error = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      target = g_file_read_link (current, &local_error);
      if (target == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (dir, target, NULL);

          g_free (target);
          target = g_steal_pointer (&joined);
        }
      g_free (current);
      current = g_steal_pointer (&target);
    }
  file_error (error, ELOOP, "", path);
  return NULL;
}

static gboolean
write_all (int          fd,
           const char  *contents,
           gsize        length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, contents, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      contents += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Makes the new file's metadata the old one's: owner and group where the
 * process may (a user may give a file to a group it belongs to, only root
 * to another owner), then the mode, which chown() can clear bits of. */
static gboolean
keep_metadata (int                fd,
               const struct stat *old)
{
  if (fchown (fd, old->st_uid, old->st_gid) != 0)
    (void) !fchown (fd, (uid_t) -1, old->st_gid);
  return fchmod (fd, old->st_mode & 07777) == 0;
}

static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      (void) fsync (fd);
      close (fd);
    }
}

/**
 * cp_file_replace_contents:
 * @path: (type filename): the file to write
 * @contents: (array length=length) (element-type guint8): what to write
 * @length: the length of @contents in bytes, or -1 if it is nul-terminated
 * @mode: the permissions of @path if it does not exist yet, such as
 *   %CP_FILE_MODE_PRIVATE; -1 for %CP_FILE_MODE_PRIVATE
 * @error: return location for a #GError
 *
 * Replaces @path with @contents atomically: they are written to a
 * temporary file beside it (created `0600`, so a writer killed half-way
 * leaves nothing others can read), synced to disk and renamed over it, so
 * a reader sees the old file or the new one, never part of one.
 *
 * The saved file is never more open than the one it replaces: an existing
 * @path keeps its permissions, and its owner and group where the process
 * may set them; a new one gets @mode. A symbolic link is followed (even one
 * whose target does not exist yet) and its target replaced, so the link
 * stays a link. A file with other hard links is refused
 * (%G_FILE_ERROR_EXIST), as replacing it would leave the other names on
 * the old contents; so is anything that is not a regular file.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
cp_file_replace_contents (const char  *path,
                          const char  *contents,
                          gssize       length,
                          int          mode,
                          GError     **error)
{
  CpFileReplacement *r;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = (gssize) strlen (contents);
  r = cp_file_replacement_begin (path, mode, error);
  if (r == NULL)
    return FALSE;
  if (!cp_file_replacement_write (r, contents, (gsize) length, error))
    {
      cp_file_replacement_abandon (r);
      return FALSE;
    }
  return cp_file_replacement_commit (r, error);
}

struct _CpFileReplacement {
  char *target;       /* the file replaced, links followed */
  char *tmp;          /* the temporary file beside it */
  int fd;
  gboolean exists;
  struct stat old;    /* the replaced file's, where it exists */
  int mode;
};

static void
replacement_free (CpFileReplacement *self)
{
  g_free (self->target);
  g_free (self->tmp);
  g_free (self);
}

CpFileReplacement *
cp_file_replacement_begin (const char  *path,
                           int          mode,
                           GError     **error)
{
  g_autofree char *target = NULL;
  CpFileReplacement *self;
  gboolean exists;
  struct stat old;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (mode < 0)
    mode = CP_FILE_MODE_PRIVATE;
  target = resolve_links (path, error);
  if (target == NULL)
    return NULL;
  exists = stat (target, &old) == 0;
  if (!exists && errno != ENOENT)
    return file_error (error, errno, "", target), NULL;
  if (exists && !S_ISREG (old.st_mode))
    {
      g_autofree char *display = g_filename_display_name (target);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: not a regular file; nothing was written", display);
      return NULL;
    }
  if (exists && old.st_nlink > 1)
    {
      g_autofree char *display = g_filename_display_name (target);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   "%s: the file has %u other hard links, which replacing it would leave "
                   "with the old contents; nothing was written", display,
                   (guint) old.st_nlink - 1);
      return NULL;
    }

  self = g_new0 (CpFileReplacement, 1);
  self->tmp = g_strconcat (target, ".XXXXXX", NULL);
  self->target = g_steal_pointer (&target);
  fd = g_mkstemp_full (self->tmp, O_RDWR | O_CLOEXEC, CP_FILE_MODE_PRIVATE);
  if (fd < 0)
    {
      file_error (error, errno, "cannot create a temporary file: ", self->target);
      replacement_free (self);
      return NULL;
    }
  self->fd = fd;
  self->exists = exists;
  self->old = old;
  self->mode = mode;
  return self;
}

gboolean
cp_file_replacement_write (CpFileReplacement  *self,
                           const char         *data,
                           gsize               length,
                           GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!write_all (self->fd, data, length))
    return file_error (error, errno, "", self->tmp);
  return TRUE;
}

void
cp_file_replacement_abandon (CpFileReplacement *self)
{
  if (self == NULL)
    return;
  close (self->fd);
  g_unlink (self->tmp);
  replacement_free (self);
}

gboolean
cp_file_replacement_commit (CpFileReplacement  *self,
                            GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if ((self->exists ? !keep_metadata (self->fd, &self->old) : fchmod (self->fd, (mode_t) self->mode) != 0) ||
      fsync (self->fd) != 0)
    {
      int saved_errno = errno;

      file_error (error, saved_errno, "", self->tmp);
      cp_file_replacement_abandon (self);
      return FALSE;
    }
  if (close (self->fd) != 0 || g_rename (self->tmp, self->target) != 0)
    {
      int saved_errno = errno;

      g_unlink (self->tmp);
      file_error (error, saved_errno, "", self->target);
      replacement_free (self);
      return FALSE;
    }
  sync_directory (self->target);
  replacement_free (self);
  return TRUE;
}
