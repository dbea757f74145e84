// Marks every zod call of the contract `/* @__PURE__ */`, so that a bundle keeps only the schemas
// it uses. A schema is a call at module level (`z.object({…})`), and a bundler must keep any call it
// cannot prove free of side effects: without this, a widget bundle that needs one schema of a module
// carries all of them (the finder carried the session-request form's schemas, about 1.5 KB gzip).
// zod's constructors have no side effects; the contract's own modules do nothing else at load.
//
// The annotation binds to the whole chain that starts after it (`z.string().check(…)`), and nested
// calls in arguments get their own, so an unused schema goes entirely.

const ZOD_CALL = /(?<![\w$.])z(?=\s*\.\s*\w+\s*\()/g;

/** @param {string} code */
export function markZodCallsPure(code) {
  return code.replace(ZOD_CALL, '/* @__PURE__ */ z');
}

/** @returns {import('rollup').Plugin} */
export function pureSchemas() {
  return {
    name: 'carezone-pure-schemas',
    transform(code, id) {
      if (!/[/\\]packages[/\\]contract[/\\]src[/\\]/.test(id)) return null;
      return { code: markZodCallsPure(code), map: null };
    },
  };
}
