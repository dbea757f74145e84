export const MASK = '****';

/** A setting whose whole value is a secret, by its name (a future `CAREZONE_…_TOKEN` included). */
const SECRET_NAME = /(?:SECRET|TOKEN|PASSWORD|PASSWD|(?:^|_)KEY)(?:_|$)/i;
/** `scheme://user:password@`: the password ends at `@` (a raw `/`, `?` or `#` would end the host). */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:,]*:)[^\s/?#@,]*@/gi;
/** `?password=…`, `&sslkey=…`, `?access_token=…`: query parameters that carry credentials. */
const SECRET_PARAMETER = /([?&][^=&#\s,]*(?:pass|secret|token|key|auth|sig)[^=&#\s,]*=)[^&#\s,]*/gi;

/**
 * `text` as `carezone config` may print it: passwords in URLs (`DATABASE_URL`, `CAREZONE_SMTP_URL`)
 * and credential-like query parameters masked, and the whole value of a setting named like a secret.
 * Errs on the side of masking: a screen shared or a paste in an issue must not leak them.
 */
export function maskSecrets(name: string, text: string): string {
  if (text === '') return text;
  if (SECRET_NAME.test(name)) return MASK;
  return text.replace(URL_PASSWORD, `$1${MASK}@`).replace(SECRET_PARAMETER, `$1${MASK}`);
}
