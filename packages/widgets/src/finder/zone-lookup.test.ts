// The finder's lookup without the finder: which place is looked up, and which events it fires when.
import type { LookupParams, LookupResult, PublicClient } from '@carezone/sdk';
import { expect } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { ZoneChangeEvent } from '../events/zone-change.js';
import { brusselsLayer, LOOKUPS } from '../test-helpers/fixtures.js';
import { type Answer, ZoneLookupController } from './zone-lookup.js';

/** A bare reactive element: the controller's host, as the finder is. */
class LookupHost extends ReactiveElement {
  layer: string | undefined;
}
customElements.define('zone-lookup-host', LookupHost);

/** A client answering the fixtures' lookups, counting them. */
function fixtureClient() {
  const asked: LookupParams[] = [];
  const client = {
    layers: { list: async () => [brusselsLayer] },
    lookup: async (params: LookupParams) => {
      asked.push(params);
      const query = new URLSearchParams(
        Object.entries(params)
          .filter(([key, value]) => key !== 'layer' && value !== undefined)
          .sort(([a], [b]) => a.localeCompare(b)) as [string, string][],
      );
      const answer = LOOKUPS[query.toString()];
      if (!answer) throw new Error(`no fixture for ${query}`);
      return answer as LookupResult;
    },
  } as unknown as PublicClient;
  return { client, asked };
}

async function setup() {
  const host = document.createElement('zone-lookup-host') as LookupHost;
  document.body.append(host);
  const { client, asked } = fixtureClient();
  const shown: Answer[] = [];
  const lookup = new ZoneLookupController(
    host,
    () => client,
    (answer) => shown.push(answer),
  );
  const events: ZoneChangeEvent[] = [];
  host.addEventListener(ZoneChangeEvent.type, (event) => events.push(event as ZoneChangeEvent));
  /** The answer once the host has updated and the lookup has settled. */
  const settled = async () => {
    await host.updateComplete;
    return lookup.answer.taskComplete;
  };
  return { host, lookup, events, shown, asked, settled };
}

afterEach(() => {
  for (const host of document.querySelectorAll('zone-lookup-host')) host.remove();
});

describe('ZoneLookupController', () => {
  it("announces the visitor's place from the completed answer, with its certainty", async () => {
    const { lookup, events, settled } = await setup();
    lookup.lookUp({ nis: '21009' }, true);
    expect(events, 'nothing before the answer: no zone was announced yet').to.deep.equal([]);
    await settled();
    expect(events.map((event) => [event.detail?.zone.id, event.certainty])).to.deep.equal([
      ['bxl-sud', 'certain'],
    ]);
    expect(lookup.lookedUp).to.deep.equal({ nis: '21009' });
  });

  it('forgets the zone at once when the visitor chooses another place, then announces the new one', async () => {
    const { lookup, events, settled } = await setup();
    lookup.lookUp({ nis: '21009' }, true);
    await settled();
    lookup.lookUp({ nis: '21015' }, true);
    expect(events.at(-1)?.detail, 'null before the next answer').to.equal(null);
    await settled();
    expect(events.map((event) => [event.detail?.zone.id ?? null, event.certainty])).to.deep.equal([
      ['bxl-sud', 'certain'],
      [null, undefined],
      ['bxl-nord-est', 'probable'],
    ]);
  });

  it('announces nothing for a choice between zones: never a guess', async () => {
    const { lookup, events, settled } = await setup();
    lookup.lookUp({ postcode: '1000' }, true);
    const answer = await settled();
    expect(answer?.matches.length).to.equal(2);
    expect(events).to.deep.equal([]);
  });

  it('shows a preset place without an event, and hands its answer to the finder', async () => {
    const { lookup, events, shown, settled } = await setup();
    lookup.lookUp({ postcode: '1050', nis: '21009' }, false);
    await settled();
    expect(events).to.deep.equal([]);
    expect(shown.map((answer) => answer.query)).to.deep.equal([{ postcode: '1050', nis: '21009' }]);
  });

  it('looks the same place up again in another layer without announcing it twice', async () => {
    const { host, lookup, events, asked, settled } = await setup();
    lookup.lookUp({ nis: '21009' }, true);
    await settled();
    host.layer = 'bxl-care-zones';
    host.requestUpdate();
    await settled();
    expect(asked.map((params) => params.layer)).to.deep.equal([undefined, 'bxl-care-zones']);
    expect(events.length).to.equal(1);
  });

  it('a zone picked among candidates is announced as chosen, until the next place', async () => {
    const { lookup, events, settled } = await setup();
    lookup.lookUp({ postcode: '1000' }, true);
    const answer = await settled();
    const [, sud] = answer?.matches ?? [];
    if (!sud) throw new Error('the fixture has two candidates');
    lookup.pickZone(sud);
    expect(lookup.pickedZone).to.equal(sud);
    expect(
      events.map((event) => [event.detail?.zone.id, event.certainty, event.matches.length]),
    ).to.deep.equal([['bxl-sud', 'chosen', 2]]);
    lookup.lookUp({ nis: '21009' }, true);
    expect(lookup.pickedZone).to.equal(undefined);
    expect(events.at(-1)?.detail).to.equal(null);
  });
});
