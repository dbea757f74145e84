// Minifies the CSS of Lit's css`` templates in the widgets' sources. Terser leaves template
// strings as they are, and the styles are about a fifth of the widgets' own code.
//
// Deliberately conservative, for the plain CSS we write: templates with `${}` or a backslash are
// left alone; spaces go only around { } ; , > and after a colon, never before one (`.a :hover` is
// not `.a:hover`) and never around + or - (calc() needs them).

/** @param {string} css */
export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/** @returns {import('rollup').Plugin} */
export function minifyCssLiterals() {
  return {
    name: 'carezone-minify-css-literals',
    transform(code, id) {
      if (!id.includes('/packages/widgets/src/')) return null;
      const minified = code.replace(/\bcss\s*`([^`$\\]*)`/g, (_match, css) => {
        // The removed line breaks go after the CSS, so every later line of code keeps its number
        // and the source map stays right.
        const lineBreaks = css.split('\n').length - 1;
        return `css\`${minifyCss(css)}${'\n'.repeat(lineBreaks)}\``;
      });
      return { code: minified, map: null };
    },
  };
}
