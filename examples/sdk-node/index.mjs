// The Carezone SDK from Node: which zone covers a few places, and what the API says when it cannot tell.
// Run a server first (`npm start`), then: node examples/sdk-node/index.mjs [http://localhost:3000] [query…]
import { createClient, isApiError, isNetworkError } from '@carezone/sdk';

const [baseUrl = 'http://localhost:3000', ...queries] = process.argv.slice(2);
const carezone = createClient({ baseUrl, lang: 'nl', timeout: 5000 });

for (const query of queries.length > 0 ? queries : ['Jette', 'Elsene', '1000', 'Namur']) {
  const [place] = await carezone.places.search(query, { limit: 1 });
  if (!place) {
    console.log(`${query}: no such place`);
    continue;
  }
  const where = place.postcode ? { postcode: place.postcode } : { nis: place.municipality.nis };
  try {
    const result = await carezone.lookup(where);
    const zones = result.matches.map((match) => `${match.zone.name.nl ?? match.zone.id} (${match.layer})`);
    const verdict = result.ambiguous ? 'ambiguous, ask a further question' : 'one zone per layer';
    console.log(`${query} → ${place.label}: ${verdict}: ${zones.join(', ')}`);
  } catch (error) {
    if (isApiError(error) && error.code === 'OUT_OF_COVERAGE')
      console.log(`${query} → ${place.label}: outside every zone`);
    else if (isNetworkError(error)) console.log(`cannot reach ${baseUrl}: is the server running?`);
    else throw error;
  }
}
