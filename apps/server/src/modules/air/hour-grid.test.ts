import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dateOf, dayOfHour, firstHourOf, minReadingsPerHour } from './hour-grid.ts';

describe('hour grid arithmetic', () => {
  it('asks for 45 minutes of readings in an hour (HJ 663): one of an hourly station, 45 of a one-minute sensor', () => {
    assert.equal(minReadingsPerHour(3600), 1);
    assert.equal(minReadingsPerHour(7200), 1);
    assert.equal(minReadingsPerHour(60), 45);
    assert.equal(minReadingsPerHour(120), 23); // 23 × 120 s = 46 min; 22 would be 44
    assert.equal(minReadingsPerHour(2700), 1);
  });

  it('numbers Beijing days and hours: a local day starts at 16:00 UTC the day before', () => {
    const day = Date.UTC(2016, 0, 1) / 86_400_000;
    assert.equal(dateOf(day), '2016-01-01');
    assert.equal(new Date(firstHourOf(day) * 3_600_000).toISOString(), '2015-12-31T16:00:00.000Z');
    assert.equal(dayOfHour(firstHourOf(day)), day);
    assert.equal(dayOfHour(firstHourOf(day) - 1), day - 1);
    assert.equal(dayOfHour(firstHourOf(day) + 23), day);
  });
});
