import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { geometriesBBox, labelPoint, pointInPolygon } from './geometry.ts';

const square = [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]];
// A "U": the centroid of its outline lies in the notch, outside the shape.
const u = [[[0, 0], [6, 0], [6, 6], [4, 6], [4, 2], [2, 2], [2, 6], [0, 6], [0, 0]]];

describe('labelPoint', () => {
  it('puts the label of a convex district at its centroid', () => {
    assert.deepEqual(labelPoint({ type: 'Polygon', coordinates: square }), [2, 2]);
  });

  it('keeps the label of a U-shaped district inside the district', () => {
    const p = labelPoint({ type: 'Polygon', coordinates: u });
    assert.ok(pointInPolygon(p, u), `label point ${p.join(',')} is outside`);
  });

  it('labels the largest part of a district made of several polygons', () => {
    const islet = [[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10.1], [10, 10]]];
    assert.deepEqual(labelPoint({ type: 'MultiPolygon', coordinates: [islet, square] }), [2, 2]);
  });
});

describe('pointInPolygon', () => {
  it('counts a point in a hole as outside', () => {
    const withHole = [square[0]!, [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]];
    assert.equal(pointInPolygon([2, 2], withHole), false);
    assert.equal(pointInPolygon([0.5, 0.5], withHole), true);
  });
});

describe('geometriesBBox', () => {
  it('frames every geometry, and nothing when there is none', () => {
    assert.deepEqual(geometriesBBox([{ type: 'Polygon', coordinates: square }, { type: 'Polygon', coordinates: u }]), [0, 0, 6, 6]);
    assert.equal(geometriesBBox([]), null);
  });
});
