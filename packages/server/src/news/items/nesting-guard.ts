import { createRequire } from 'node:module';
import type * as Htmlparser2 from 'htmlparser2';
import { MAX_HTML_DEPTH, NewsContentError } from './content-limits.js';

/**
 * The htmlparser2 that sanitize-html itself loads (not whichever copy a `require` from here would
 * find), so the guard tokenises exactly as the sanitiser's parser will.
 */
let loaded: typeof Htmlparser2 | undefined;
function htmlparser2(): typeof Htmlparser2 {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    loaded = createRequire(require.resolve('sanitize-html'))('htmlparser2') as typeof Htmlparser2;
  }
  return loaded;
}

const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);

/**
 * The implied closes of htmlparser2's parser (an opening `<p>` or `<div>` closes an open `<p>`, an
 * `<li>` an open `<li>`…), only some of them: leaving one out can only make the count below higher
 * than the parser's depth, never lower, and these are the ones unclosed real HTML relies on.
 */
const CLOSES_P = new Set(['p']);
const IMPLIED_CLOSES = new Map<string, ReadonlySet<string>>([
  ...'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul'
    .split(' ')
    .map((tag): [string, ReadonlySet<string>] => [tag, CLOSES_P]),
  ['li', new Set(['li'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
]);

const TOO_DEEP = Symbol('too deep');

/**
 * Throws a `NewsContentError` when elements of `html` nest deeper than `maxDepth`, as htmlparser2
 * would nest them. Reads the input once with htmlparser2's own tokenizer and keeps its own stack of
 * open elements (push and pop, so linear time): an upper bound of the parser's depth, since it
 * applies the same explicit closes and some of the implied ones. Stops at the first element too deep.
 */
export function checkNesting(html: string, field?: string, maxDepth = MAX_HTML_DEPTH): void {
  // Nothing to count without a tag; most titles and summaries have none.
  if (!html.includes('<')) return;
  const open: string[] = [];
  const nameAt = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const ignore = () => undefined;
  const tokenizer = new (htmlparser2().Tokenizer)(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        const name = nameAt(start, end);
        const closes = IMPLIED_CLOSES.get(name);
        while (closes !== undefined && open.length > 0 && closes.has(open[open.length - 1] ?? '')) open.pop();
        if (VOID.has(name)) return;
        open.push(name);
        if (open.length > maxDepth) throw TOO_DEEP;
      },
      onclosetag(start, end) {
        const at = open.lastIndexOf(nameAt(start, end));
        if (at !== -1) open.length = at;
      },
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onopentagend: ignore,
      onprocessinginstruction: ignore,
      // Kept open: the parser closes `<x/>` only inside svg and math, which this count need not know.
      onselfclosingtag: ignore,
      ontext: ignore,
      ontextentity: ignore,
    },
  );
  try {
    tokenizer.write(html);
    tokenizer.end();
  } catch (error) {
    if (error !== TOO_DEEP) throw error;
    throw new NewsContentError(`its HTML nests elements more than ${maxDepth} deep`, 'too_deep', field);
  }
}
