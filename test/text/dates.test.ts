import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/text/dates.js';

const values = (t: string, ctx: { last?: string; year?: string } = {}) =>
  findDates(t, 0, t.length, ctx).map((d) => d.value);

describe('dates', () => {
  it('reads days, months and years at the granularity given', () => {
    expect(values('On March 3, 2021 the ship left.')).toEqual(['2021-03-03']);
    expect(values('It was listed in October 2020.')).toEqual(['2020-10']);
    expect(values('By early 2024 the plant ran; late in 2019 it did not.')).toEqual(['2024', '2019']);
    expect(values('in late February 2018')).toEqual(['2018-02']);
  });

  it('ignores decades and numbers that are not years', () => {
    expect(values('since the 1990s, 800 kilograms')).toEqual([]);
  });

  it('resolves months and relative dates against the context', () => {
    const ctx = { last: '2019-03', year: '2019' };
    expect(values('In May it added two more.', ctx)).toEqual(['2019-05']);
    expect(values('A month earlier the EU had acted.', { last: '2022-11', year: '2022' })).toEqual([
      '2022-10',
    ]);
    expect(values('They were flown out the same day.', { last: '2015-11-10', year: '2015' })).toEqual([
      '2015-11-10',
    ]);
  });

  it('carries the last date forward for the next sentence', () => {
    const ctx: { last?: string; year?: string } = {};
    findDates('Sanctions came in June 2017.', 0, 28, ctx);
    expect(ctx).toEqual({ last: '2017-06', year: '2017' });
  });
});
