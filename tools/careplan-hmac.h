/* careplan-hmac.h: HMAC-SHA256, keyed once and copied for each message
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#if CAREPLAN_HAVE_NETTLE
# include <nettle/hmac.h>
#endif

G_BEGIN_DECLS

/* The iCalendar UIDs and the pseudonymised record ids are HMAC-SHA256 of
 * the record id (and more) under the authority's key: one a row written.
 * With Nettle (the library GnuTLS is built on, which uses the processor's
 * SHA instructions where it has them) one costs about a fifth of GLib's
 * GHmac; without it, GHmac. The digests are the same either way. */

typedef struct {
#if CAREPLAN_HAVE_NETTLE
  struct hmac_sha256_ctx ctx;
#else
  GHmac *hmac;
#endif
} CareplanHmac;

/* One message's HMAC: begun from a keyed CareplanHmac, updated, then
 * finished (which frees what it holds). */
typedef CareplanHmac CareplanHmacRun;

void careplan_hmac_init   (CareplanHmac *self, const guchar *key, gsize len);
void careplan_hmac_clear  (CareplanHmac *self);

void careplan_hmac_begin  (const CareplanHmac *keyed, CareplanHmacRun *run);
void careplan_hmac_update (CareplanHmacRun *run, const void *data, gsize len);
/* The digest's first @n_hex lowercase hexadecimal digits (at most 64)
 * into @out, which is not NUL-terminated. */
void careplan_hmac_finish_hex (CareplanHmacRun *run, char *out, gsize n_hex);

G_END_DECLS
