import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { matchPairs } from '../../src/match/pairs.js';

describe('matchPairs', () => {
  it('scores rows in order, finding columns by header name', () => {
    const csv =
      'name2,schema,name1,note\n"PUTIN, Vladimir",Person,Vladimir Putin,x\nSiemens AG,Company,SiemensAG,\nOlaf Scholz,Person,Olaf Schulze,\n';
    const r = matchPairs(csv, 'pairs.csv');
    expect(r.map((x) => x.match)).toEqual([true, true, false]);
    expect(r.map((x) => x.line)).toEqual([2, 3, 4]);
    expect(r[0]!.score).toBe(1);
  });

  it('scores a pair the same whichever name comes first', () => {
    const rows = [
      ['Ivan Petrov', 'Ivan Sergeyevich Petrov'],
      ['Joaquin Guzman', 'Joaquín Archivaldo Guzmán Loera'],
      ['Saddam Hussein al-Tikriti', 'Uday Saddam Hussein al-Tikriti'],
    ];
    const csv = (swap: boolean) =>
      'schema,name1,name2\n' + rows.map(([a, b]) => `Person,${swap ? b : a},${swap ? a : b}`).join('\n');
    const forward = matchPairs(csv(false), 'pairs.csv');
    const backward = matchPairs(csv(true), 'pairs.csv');
    expect(forward.map((r) => r.score)).toEqual(backward.map((r) => r.score));
    expect(forward.map((r) => r.match)).toEqual([true, true, false]);
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const r = matchPairs('\ufeffschema,name1,name2\r\nVessel,SEA PRIDE,MV SEA PRIDE\r\n', 'pairs.csv');
    expect(r).toEqual([{ line: 2, score: 1, match: true }]);
  });

  const errorOf = (csv: string): InputError => {
    try {
      matchPairs(csv, 'pairs.csv');
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('no error');
  };

  it('names the line and field of a bad row', () => {
    let e = errorOf('schema,name1\nPerson,a\n');
    expect(e.line).toBe(1);
    expect(e.field).toBe('name2');
    expect(e.message).toMatch(/missing column "name2"/);

    e = errorOf('schema,name1,name2\nPerson,a,b\nPerzon,a,b\n');
    expect([e.line, e.field]).toEqual([3, 'schema']);
    expect(e.message).toMatch(/unknown schema "Perzon"/);

    e = errorOf('schema,name1,name2\nSanction,a,b\n');
    expect([e.line, e.field]).toEqual([2, 'schema']);
    expect(e.message).toMatch(/cannot be matched/);

    e = errorOf('schema,name1,name2\nPerson,a,  \n');
    expect([e.line, e.field]).toEqual([2, 'name2']);
    expect(e.message).toMatch(/empty/);

    e = errorOf('schema,name1,name2\nPerson,"a\u0007b",c\n');
    expect([e.line, e.field]).toEqual([2, 'name1']);
    expect(e.message).toMatch(/control character \(U\+0007\)/);

    e = errorOf('schema,name1,name2\nPerson,a\n');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/expected 3 fields, found 2/);

    e = errorOf('');
    expect(e.line).toBe(1);
  });

  it('rejects a 10 kB name quickly instead of hanging', () => {
    const big = 'x'.repeat(10_240);
    const t0 = Date.now();
    const e = errorOf(`schema,name1,name2\nPerson,${big},y\n`);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect([e.line, e.field]).toEqual([2, 'name1']);
    expect(e.message).toMatch(/too long \(10240 characters/);
  });

  it('passes malformed CSV errors through', () => {
    expect(() => matchPairs('schema,name1,name2\nPerson,"a,b\n', 'pairs.csv')).toThrow(/pairs.csv, line 2/);
  });
});
