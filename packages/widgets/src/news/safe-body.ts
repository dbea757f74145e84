// The server sanitises every body with an allow-list before storing it. This is the second line,
// in case a body ever reaches the widget without that (another server, a bug): small on purpose,
// it removes what can run script rather than repeat the server's allow-list.
const ACTIVE = 'script,style,iframe,frame,object,embed,svg,math,template,noscript,link,meta,base,form';
// Ids and classes too: a body must not take the ids the widget points to (aria-controls) nor its styles.
const ACTIVE_ATTRIBUTE = /^(on|(style|class|id|srcdoc|srcset|formaction|target)$)/i;
const ACTIVE_URL = /^(javascript|data|vbscript):/i;
// URL parsing skips whitespace and control characters: "java\tscript:" would still run.
// biome-ignore lint/suspicious/noControlCharactersInRegex: exactly those characters.
const SKIPPED_IN_URLS = /[\s\0-\x1f]/g;

/**
 * The body as nodes ready to insert, without script, embedded documents, styles or event
 * handlers. Parsed in a `<template>`, whose content is inert (no script runs and nothing loads
 * there), and inserted as nodes: no second parse of serialised HTML that could mutate it.
 */
export function safeBody(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const content = template.content;
  for (const element of content.querySelectorAll(ACTIVE)) element.remove();
  for (const element of content.querySelectorAll('*'))
    for (const { name, value } of [...element.attributes])
      if (ACTIVE_ATTRIBUTE.test(name) || ACTIVE_URL.test(value.replace(SKIPPED_IN_URLS, '')))
        element.removeAttribute(name);
  // An image would be a request to the feed's site as soon as the body opens, and a widget makes
  // none but to its API (no third-party requests, no tracking pixels). So an image becomes a link
  // to it, named by its description; one without a description says nothing and goes.
  for (const image of content.querySelectorAll('img')) {
    const description = image.getAttribute('alt')?.trim();
    const src = image.getAttribute('src');
    if (description && src) {
      const link = document.createElement('a');
      link.href = src;
      link.rel = 'noopener noreferrer';
      link.textContent = description;
      image.replaceWith(link);
    } else image.remove();
  }
  const body = document.createElement('div');
  body.append(content);
  return body;
}
