/**
 * Registers `tag` unless the page already has it: a page may load two Carezone bundles (or an old
 * and a new one), and `customElements.define` throws on a second definition. The first stays and
 * the console says so clearly, so a CMS editor's developer can find the duplicate script.
 */
export function defineElement(tag: string, elementClass: CustomElementConstructor): boolean {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== elementClass) {
      console.warn(`Carezone: <${tag}> is defined already (a second Carezone script?); the first is kept.`);
    }
    return false;
  }
  customElements.define(tag, elementClass);
  return true;
}
