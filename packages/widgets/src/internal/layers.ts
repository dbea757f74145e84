import type { Layer, PublicClient } from '@carezone/sdk';

// The layers of a server change only when it restarts with other packs: one request per client
// and page is enough. A failed request is forgotten, so the next widget (or a retry) asks again.
const layersByClient = new WeakMap<PublicClient, Promise<Layer[]>>();
/** The layers once they have arrived, for a render that cannot wait for a promise. */
const knownLayers = new WeakMap<PublicClient, Layer[]>();

/** The zone layers of the client's server (titles, and whether polygons exist for a point lookup). */
export function layersOf(client: PublicClient): Promise<Layer[]> {
  let layers = layersByClient.get(client);
  if (!layers) {
    layers = client.layers.list();
    layersByClient.set(client, layers);
    layers.then(
      (list) => knownLayers.set(client, list),
      () => layersByClient.delete(client),
    );
  }
  return layers;
}

/** The layers of the client's server if they have arrived, else `undefined`. */
export function layersKnown(client: PublicClient): Layer[] | undefined {
  return knownLayers.get(client);
}
