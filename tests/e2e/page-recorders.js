// Injected into every end-to-end page before its own scripts (Playwright `addInitScript({ path })`, through
// CDP, so the page's CSP does not apply to it). Plain JavaScript on purpose: code transpiled by tsx carries
// helpers (`__name`) that do not exist in the page. Read back by `records()` in harness.ts.
(() => {
  const records = { csp: [], zoneChanges: [], shifts: [], defined: {} };
  window.__e2e = records;

  // When each widget tag got defined: tells a shift caused by the upgrade from one caused by data.
  for (const tag of ['carezone-finder', 'carezone-zone-card']) {
    customElements.whenDefined(tag).then(() => {
      records.defined[tag] = performance.now();
    });
  }

  document.addEventListener('securitypolicyviolation', (event) => {
    records.csp.push({
      directive: event.violatedDirective,
      blocked: event.blockedURI,
      sample: event.sample,
      source: `${event.sourceFile}:${event.lineNumber}`,
    });
  });

  // Composed events reach the document retargeted to the widget's host element.
  document.addEventListener('carezone-zone-change', (event) => {
    records.zoneChanges.push({
      target: event.target.id || event.target.localName,
      detail: JSON.parse(JSON.stringify(event.detail)),
      certainty: event.certainty,
    });
  });

  const describe = (node) => {
    if (!node) return '?';
    if (node.nodeType === Node.ELEMENT_NODE) return `${node.localName}${node.id ? `#${node.id}` : ''}`;
    return node.nodeName;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      records.shifts.push({
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
        startTime: entry.startTime,
        sources: (entry.sources ?? []).map((source) => describe(source.node)),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();
