// `custom-elements.json` from the widgets' JSDoc (`npm run build`, or `npm run manifest` here).
// The tags are registered through `defineElement(tag, Class)` (src/internal/define.ts), which the
// analyzer does not know: the plugin below reads those calls as it reads `customElements.define`,
// so every class gets its `tagName` and each define entry lists the tags it registers. The
// analyzer also takes Lit's internal reactive state (`static properties = { _x: { state: true } }`)
// for public attributes; the second plugin leaves it out of the public surface, and the third keeps
// only the documented events.

const TAG_NAME = /^[a-z][a-z0-9._-]*-[a-z0-9._-]*$/;

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function defineElementCalls() {
  return {
    name: 'carezone-define-element-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, elementClass] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !elementClass || !ts.isIdentifier(elementClass)) return;
      const imported = context.imports?.find((entry) => entry.name === elementClass.text);
      const module = imported
        ? new URL(imported.importPath, `file:///${moduleDoc.path}`).pathname.slice(1).replace(/\.js$/, '.ts')
        : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: elementClass.text, module },
        },
      ];
    },
    packageLinkPhase({ customElementsManifest }) {
      // `customElements.define(tag, elementClass)` inside defineElement itself is not a definition.
      for (const moduleDoc of customElementsManifest.modules) {
        moduleDoc.exports = moduleDoc.exports?.filter(
          (entry) => entry.kind !== 'custom-element-definition' || TAG_NAME.test(entry.name),
        );
      }
    },
  };
}

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function internalState() {
  /** class name → names declared `{ state: true }` in its static properties */
  const stateOf = new Map();
  return {
    name: 'carezone-internal-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = ts.getModifiers?.(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties')
          continue;
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        const names = member.initializer.properties
          .filter(
            (property) =>
              ts.isPropertyAssignment(property) &&
              ts.isObjectLiteralExpression(property.initializer) &&
              property.initializer.properties.some(
                (option) =>
                  ts.isPropertyAssignment(option) &&
                  option.name.getText() === 'state' &&
                  option.initializer.kind === ts.SyntaxKind.TrueKeyword,
              ),
          )
          .map((property) => property.name.getText());
        stateOf.set(node.name.text, new Set(names));
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const moduleDoc of customElementsManifest.modules) {
        for (const declaration of moduleDoc.declarations ?? []) {
          const state = stateOf.get(declaration.name);
          if (!state || state.size === 0) continue;
          declaration.attributes = declaration.attributes?.filter(
            (attribute) => !state.has(attribute.fieldName),
          );
          declaration.members = declaration.members?.filter((member) => !state.has(member.name));
        }
      }
    },
  };
}

/**
 * The analyzer also guesses an event from every `this.dispatchEvent(new SomeEvent(arg))`, naming it
 * after the constructor's first argument (`match` for `new ZoneChangeEvent(match)`). Every public
 * event is documented with `@event` and named `carezone-…`; this plugin keeps only those.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
function documentedEvents() {
  return {
    name: 'carezone-documented-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const moduleDoc of customElementsManifest.modules) {
        for (const declaration of moduleDoc.declarations ?? []) {
          if (!declaration.events) continue;
          declaration.events = declaration.events.filter((event) => event.name?.startsWith('carezone-'));
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/test-helpers/**', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementCalls(), internalState(), documentedEvents()],
};
