/* careplan-hmac.c: HMAC-SHA256, keyed once and copied for each message
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "careplan-hmac.h"

void
careplan_hmac_init (CareplanHmac *self, const guchar *key, gsize len)
{
#if CAREPLAN_HAVE_NETTLE
  hmac_sha256_set_key (&self->ctx, len, key);
#else
  self->hmac = g_hmac_new (G_CHECKSUM_SHA256, key, len);
#endif
}

void
careplan_hmac_clear (CareplanHmac *self)
{
#if CAREPLAN_HAVE_NETTLE
  /* The keyed state is the key's stand-in: not left in freed memory. */
  memset (&self->ctx, 0, sizeof self->ctx);
#else
  g_clear_pointer (&self->hmac, g_hmac_unref);
#endif
}

void
careplan_hmac_begin (const CareplanHmac *keyed, CareplanHmacRun *run)
{
#if CAREPLAN_HAVE_NETTLE
  run->ctx = keyed->ctx;
#else
  run->hmac = g_hmac_copy (keyed->hmac);
#endif
}

void
careplan_hmac_update (CareplanHmacRun *run, const void *data, gsize len)
{
#if CAREPLAN_HAVE_NETTLE
  hmac_sha256_update (&run->ctx, len, data);
#else
  g_hmac_update (run->hmac, data, (gssize) len);
#endif
}

void
careplan_hmac_finish_hex (CareplanHmacRun *run, char *out, gsize n_hex)
{
  g_return_if_fail (n_hex <= 64);
#if CAREPLAN_HAVE_NETTLE
  {
    static const char hex[] = "0123456789abcdef";
    guint8 digest[SHA256_DIGEST_SIZE];

    hmac_sha256_digest (&run->ctx, sizeof digest, digest);
    for (gsize i = 0; i < n_hex; i++)
      out[i] = hex[(digest[i / 2] >> (i % 2 ? 0 : 4)) & 0xf];
    memset (&run->ctx, 0, sizeof run->ctx);
  }
#else
  memcpy (out, g_hmac_get_string (run->hmac), n_hex);
  g_clear_pointer (&run->hmac, g_hmac_unref);
#endif
}
