import { expect } from '@open-wc/testing';
import { clientFor, scriptOrigin } from './api-client.js';
import { defineElement } from './define.js';

describe('clientFor', () => {
  it('shares one client per API base URL, whatever its spelling', () => {
    expect(clientFor('https://api.example.be/')).to.equal(clientFor('https://api.example.be'));
    expect(clientFor('https://api.example.be')).to.not.equal(clientFor('https://other.example.be'));
  });

  it('defaults to the origin the widget script came from', () => {
    expect(scriptOrigin('https://cdn.example.be/widgets/1.0.0/carezone.js')).to.equal(
      'https://cdn.example.be',
    );
    expect(clientFor(null)).to.equal(clientFor(location.origin));
  });

  it('resolves a relative api attribute against the page', () => {
    expect(clientFor('/')).to.equal(clientFor(location.origin));
  });
});

describe('defineElement', () => {
  it('defines a free tag once and warns, without throwing, when it is taken', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect(defineElement('carezone-test-define', First)).to.equal(true);
      expect(defineElement('carezone-test-define', Second)).to.equal(false);
      expect(defineElement('carezone-test-define', First)).to.equal(false);
    } finally {
      console.warn = original;
    }
    expect(customElements.get('carezone-test-define')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('<carezone-test-define> is already defined');
  });
});
