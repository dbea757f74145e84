// Minifies the template literals of the widgets' sources, which terser leaves as they are: the CSS
// of Lit's css`` templates (about a fifth of the widgets' own code), and the indentation of the
// html`` templates, so that these can stay indented in the source at no cost.
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
    .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
    .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3')
    .replace(/ !important/g, '!important')
    .trim();
}

/**
 * Drops the indentation after every line break. Outside templates terser rewrites the code anyway;
 * inside html`` a line break followed by spaces renders exactly like the line break alone (HTML
 * collapses white space, and the widgets use no <pre>). Line breaks stay, so line numbers do.
 * @param {string} code
 */
export function dropIndentation(code) {
  return code.replace(/\n[ \t]+/g, '\n');
}

/** @returns {import('rollup').Plugin} */
export function minifyLiterals() {
  return {
    name: 'carezone-minify-literals',
    transform(code, id) {
      if (!id.includes('/packages/widgets/src/')) return null;
      const minified = code.replace(/\bcss\s*`([^`$\\]*)`/g, (_match, css) => {
        // The removed line breaks go after the template, out of the string (terser drops them
        // there), so every later line of code keeps its number and the source map stays right.
        const lineBreaks = css.split('\n').length - 1;
        return `css\`${minifyCss(css)}\`${'\n'.repeat(lineBreaks)}`;
      });
      return { code: dropIndentation(minified), map: null };
    },
  };
}
