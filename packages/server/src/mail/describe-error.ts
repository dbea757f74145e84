/** Anything shaped like an e-mail address, as SMTP servers quote them in their replies. */
const ADDRESS_LIKE = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/**
 * A failed delivery as `last_error` and the logs may keep it: the error's code and message, with
 * every address blanked ("550 5.1.1 <x@y>: Recipient address rejected" names the requester).
 */
export function describeDeliveryError(error: unknown): string {
  const { code, responseCode, message } = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    message?: unknown;
  };
  const text = typeof message === 'string' ? message : String(error);
  const prefix = [code, responseCode].filter((part) => typeof part === 'string' || typeof part === 'number');
  const described = `${prefix.length > 0 ? `${prefix.join(' ')}: ` : ''}${text}`;
  return described.replace(ADDRESS_LIKE, '<address>').replace(/\s+/g, ' ').trim().slice(0, 500);
}
