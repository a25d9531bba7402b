/**
 * Every secret this process has touched is remembered here so that logs and error text can be
 * scrubbed of it, whatever path the text took to get there.
 */
const known = new Set<string>();

export function rememberSecret(value: string): void {
  if (value.length >= 6) known.add(value);
}

export function forgetSecret(value: string): void {
  known.delete(value);
}

const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{6,}/gi;
const KEY_FIELDS = /("?(?:api[_-]?key|x-api-key|authorization|token|password)"?\s*[:=]\s*"?)[^"\s,}]{6,}/gi;

export function redact(text: string): string {
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out.replace(BEARER, '$1[redacted]').replace(KEY_FIELDS, '$1[redacted]');
}
