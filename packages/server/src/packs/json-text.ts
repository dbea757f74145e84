import type { PackProblem } from './pack-types.js';

export type JsonParse =
  | { ok: true; value: unknown }
  | { ok: false; line: number; column: number; message: string };

/**
 * Finds the offset of the first syntax error. Node 20's `JSON.parse` often names no position
 * ("Unexpected token '}', ... is not valid JSON"), and a pack author needs line and column.
 */
function errorOffset(text: string): number {
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\r\n'.includes(text.charAt(at))) at++;
  };
  const fail = (): never => {
    throw at;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, at)) at += word.length;
    else fail();
  };
  const string = () => {
    at++;
    while (at < text.length) {
      const char = text.charAt(at);
      if (char === '"') {
        at++;
        return;
      }
      if (char === '\\') {
        if (text.charAt(at + 1) === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail();
          at += 6;
        } else if ('"\\/bfnrt'.includes(text.charAt(at + 1)) && at + 1 < text.length) at += 2;
        else fail();
      } else if (char < ' ') fail();
      else at++;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 64));
    if (!match) fail();
    at += match?.[0].length ?? 0;
  };
  const list = (close: string, item: () => void) => {
    at++;
    space();
    if (text.charAt(at) === close) {
      at++;
      return;
    }
    for (;;) {
      item();
      space();
      const char = text.charAt(at);
      if (char === close) {
        at++;
        return;
      }
      if (char !== ',') fail();
      at++;
      space();
    }
  };
  const value = (): void => {
    space();
    const char = text.charAt(at);
    if (char === '{') {
      list('}', () => {
        if (text.charAt(at) !== '"') fail();
        string();
        space();
        if (text.charAt(at) !== ':') fail();
        at++;
        value();
      });
    } else if (char === '[') list(']', value);
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
  };
  try {
    value();
    space();
    return Math.min(at, text.length);
  } catch (offset) {
    return typeof offset === 'number' ? offset : 0;
  }
}

export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const offset = errorOffset(text);
    const near = text.slice(offset, offset + 20).split('\n')[0];
    const reason = offset >= text.length ? 'unexpected end of the text' : `unexpected "${near}"`;
    return { ok: false, ...positionOf(text, offset), message: `JSON syntax error: ${reason}` };
  }
}

/**
 * Parses one JSON file of a pack. A syntax error becomes a problem at its line and column and the
 * answer is `undefined`; otherwise the parsed value (which the caller still has to check).
 */
export function parseJsonFile(
  file: string,
  text: string,
  problems: PackProblem[],
): { value: unknown } | undefined {
  const parsed = parseJson(text);
  if (parsed.ok) return { value: parsed.value };
  problems.push({
    file,
    line: parsed.line,
    column: parsed.column,
    severity: 'error',
    message: parsed.message,
  });
  return undefined;
}
