/**
 * Feeds arrive as bytes in whatever encoding their CMS chose, and often say it wrongly. The
 * order of evidence (RFC 7303 §3.2, as feed readers apply it): a byte order mark, then the
 * charset of the HTTP answer, then the XML declaration, then UTF-8. JSON Feed is UTF-8 by its
 * spec. Bytes that are invalid in the chosen encoding become U+FFFD rather than failing the import.
 */

function charsetOfContentType(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
}

function encodingOfXmlDeclaration(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII in every ASCII-compatible encoding, so latin1 reads it safely.
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
}

function encodingOfBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decoderFor(label: string | undefined) {
  if (label !== undefined) {
    try {
      return new TextDecoder(label, { fatal: false });
    } catch {
      // An encoding name nobody knows: UTF-8 is the best guess for anything on the web today.
    }
  }
  return new TextDecoder('utf-8', { fatal: false });
}

function looksLikeJson(bytes: Uint8Array): boolean {
  for (const byte of bytes.subarray(0, 64)) {
    if (
      byte === 0x20 ||
      byte === 0x09 ||
      byte === 0x0a ||
      byte === 0x0d ||
      byte === 0xef ||
      byte === 0xbb ||
      byte === 0xbf
    )
      continue;
    return byte === 0x7b; // {
  }
  return false;
}

/** The text of a feed's bytes; `contentType` is the HTTP answer's `Content-Type`, if any. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  const label = looksLikeJson(bytes)
    ? 'utf-8'
    : (encodingOfBom(bytes) ?? charsetOfContentType(contentType) ?? encodingOfXmlDeclaration(bytes));
  // TextDecoder drops a byte order mark that matches its encoding.
  return decoderFor(label).decode(bytes);
}
