import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** What a static file may be sent as, besides itself. Brotli first: smaller than gzip for scripts. */
export type Encoding = 'br' | 'gzip';
const ENCODINGS: readonly Encoding[] = ['br', 'gzip'];

/** Text is worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /^(?:text\/|application\/json|image\/svg\+xml)/;
/** Below this, the encoding's own header eats most of what it saves (nginx's `gzip_min_length` idea). */
const MIN_BYTES = 1024;

const compressors: Record<Encoding, (body: Uint8Array) => Promise<Buffer>> = {
  // Once per file and build, off the event loop (zlib's thread pool): the smallest output is worth it.
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
};

export function isCompressible(contentType: string, size: number): boolean {
  return size >= MIN_BYTES && COMPRESSIBLE.test(contentType);
}

/**
 * The encoding to send for an `Accept-Encoding` header (RFC 9110 §12.5.3): Brotli, else gzip, each
 * unless refused with `q=0` (also through `*;q=0`); undefined for the file as it is.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    weights.set(coding, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return ENCODINGS.find((encoding) => (weights.get(encoding) ?? weights.get('*') ?? 0) > 0);
}

export interface EncodedBody {
  body: Uint8Array<ArrayBuffer>;
  /** The file's ETag, told apart per encoding: a strong tag names one representation. */
  etag: string;
}

/**
 * The encoded forms of one version of a file, made when first asked for and kept with it. `null`
 * when the encoding would not make it smaller.
 */
export class EncodedForms {
  readonly #body: Uint8Array;
  readonly #etag: string;
  readonly #forms = new Map<Encoding, Promise<EncodedBody | null>>();

  constructor(body: Uint8Array, etag: string) {
    this.#body = body;
    this.#etag = etag;
  }

  get(encoding: Encoding): Promise<EncodedBody | null> {
    let form = this.#forms.get(encoding);
    if (!form) {
      form = compressors[encoding](this.#body).then((encoded) =>
        encoded.byteLength < this.#body.byteLength
          ? { body: new Uint8Array(encoded), etag: this.#etag.replace(/"$/, `.${encoding}"`) }
          : null,
      );
      // A failure (never seen) sends the file as it is rather than failing every later request.
      form = form.catch(() => null);
      this.#forms.set(encoding, form);
    }
    return form;
  }
}
