import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GeoIndex } from './geo-index.js';

const square = (x0: number, y0: number, size: number) => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

describe('GeoIndex', () => {
  it('respects holes and finds every shape on a shared edge', () => {
    const index = new GeoIndex<string>();
    index.add('donut', { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] });
    index.add('east', { type: 'MultiPolygon', coordinates: [[square(10, 0, 10)], [square(30, 0, 1)]] });
    index.finish();
    assert.deepEqual(index.containing(1, 1), ['donut']);
    assert.deepEqual(index.containing(5, 5), []);
    assert.deepEqual(index.containing(10, 5).sort(), ['donut', 'east']);
    assert.deepEqual(index.containing(30.5, 0.5), ['east']);
    assert.deepEqual(index.containing(25, 5), []);
  });

  it('finds nothing when empty', () => {
    const index = new GeoIndex<string>();
    index.finish();
    assert.deepEqual(index.containing(0, 0), []);
  });
});
