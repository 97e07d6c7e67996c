import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boxAround, cellsCovering, gridCell, metresBetween } from './geo-distance.ts';

describe('grid cells for the duplicate check', () => {
  it('gives every point near a pin a cell that the pin’s box covers, across cell edges', () => {
    // 国贸, and points around it on a 50 m lattice out to 200 m, including across the 39.91° and 116.46° edges.
    for (const centre of [{ lng: 116.4575, lat: 39.9087 }, { lng: 116.45999, lat: 39.90999 }, { lng: -0.00001, lat: -0.00001 }]) {
      const cells = new Set(cellsCovering(boxAround(centre, 200)));
      for (let dx = -4; dx <= 4; dx++) {
        for (let dy = -4; dy <= 4; dy++) {
          const p = { lng: centre.lng + (dx * 50) / (111_320 * Math.cos((centre.lat * Math.PI) / 180)), lat: centre.lat + (dy * 50) / 111_320 };
          if (metresBetween(centre, p) > 200) continue;
          assert.ok(cells.has(gridCell(p)), `${JSON.stringify(p)} is within 200 m of ${JSON.stringify(centre)} but its cell is not looked at`);
        }
      }
    }
  });

  it('keeps a 200 m box to a few cells and cells to 32-bit integers', () => {
    assert.ok(cellsCovering(boxAround({ lng: 116.4575, lat: 39.9087 }, 200)).length <= 4);
    assert.ok(gridCell({ lng: 180, lat: 90 }) < 2 ** 31);
    assert.ok(gridCell({ lng: -180, lat: -90 }) >= 0);
    assert.notEqual(gridCell({ lng: 116.4599, lat: 39.9099 }), gridCell({ lng: 116.4601, lat: 39.9101 }));
  });
});
