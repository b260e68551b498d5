/** Two invented lists for the GET /xref tests (in-process and worker). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PEOPLE = 1500;
const GIVEN = ['Rustam', 'Karim', 'Laila', 'Omar', 'Yusuf', 'Nadia', 'Hassan', 'Farid', 'Samira', 'Tariq'];
const FAMILY = [
  'Karimov',
  'Vahedi',
  'Haddad',
  'Nasser',
  'Qasemi',
  'Rahimi',
  'Sadeghi',
  'Tehrani',
  'Zand',
  'Mousavi',
];

/** Two lists of invented people; every tenth one of list A is listed by B too, with the same birth date. */
export function writeLists(dir: string): [string, string] {
  const a: string[] = [];
  const b: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const name = `${GIVEN[i % 10]} ${FAMILY[Math.floor(i / 10) % 10]} ${String.fromCharCode(65 + (i % 26))}${i}`;
    const birthDate = `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
    a.push(
      JSON.stringify({
        id: `a-${i}`,
        schema: 'Person',
        properties: { name: [name], birthDate: [birthDate] },
      }),
    );
    const other = i % 10 === 0 ? name : `${GIVEN[(i + 3) % 10]} Other ${i}`;
    b.push(
      JSON.stringify({
        id: `b-${i}`,
        schema: 'Person',
        properties: { name: [other], birthDate: [birthDate] },
      }),
    );
  }
  const pa = join(dir, 'a.ftm.json');
  const pb = join(dir, 'b.ftm.json');
  writeFileSync(pa, a.join('\n') + '\n');
  writeFileSync(pb, b.join('\n') + '\n');
  return [pa, pb];
}
