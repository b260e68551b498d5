import { describe, expect, it } from 'vitest';
import {
  parseBirthDate,
  parseIdentifier,
  parseRemarks,
  type RemarkFact,
} from '../../src/sources/ofac-remarks.js';

/** The single fact of a one-segment remark. */
function one(remark: string, opts?: Parameters<typeof parseRemarks>[1]): RemarkFact {
  const facts = parseRemarks(remark, opts);
  expect(facts).toHaveLength(1);
  return facts[0];
}

describe('parseRemarks: structure', () => {
  it('splits on semicolons, keeps offsets and drops only the final period', () => {
    const remark = 'DOB 23 Nov 1962; POB Caracas, Venezuela; citizen Venezuela; Gender Male.';
    const facts = parseRemarks(remark);
    expect(facts.map((f) => f.kind)).toEqual(['birthDate', 'birthPlace', 'citizenship', 'gender']);
    for (const f of facts) expect(remark.slice(f.offset, f.offset + f.text.length)).toBe(f.text);
    expect(facts[3].text).toBe('Gender Male');
  });

  it('returns nothing for empty remarks', () => {
    expect(parseRemarks(undefined)).toEqual([]);
    expect(parseRemarks('')).toEqual([]);
  });

  it('keeps a parenthesised sub-list with semicolons as one segment', () => {
    const facts = parseRemarks(
      "DOB 1969; (Following data derived from a passport issued under an alias: Alt. DOB: 10 October 1969; Alt. POB: Keren Eritrea); a.k.a. 'ABU MANSUR'.",
    );
    expect(facts.map((f) => f.kind)).toEqual(['birthDate', 'note', 'alias']);
  });

  it('splits on every semicolon when parentheses do not balance', () => {
    const facts = parseRemarks('Telephone (357 22660766; Gender Female.');
    expect(facts.map((f) => f.kind)).toEqual(['phone', 'gender']);
  });

  it('marks alt. values and reads the label behind them', () => {
    const [a, b] = parseRemarks('DOB 1957; alt. DOB 1958.');
    expect(a).toMatchObject({ kind: 'birthDate', from: '1957', alt: false });
    expect(b).toMatchObject({ kind: 'birthDate', from: '1958', alt: true, text: 'alt. DOB 1958' });
  });

  it('never drops an unrecognised segment: it becomes a note', () => {
    const facts = parseRemarks('Frobnicated widely; Gender Male.');
    expect(facts[0]).toMatchObject({ kind: 'note', value: 'Frobnicated widely' });
  });

  it('keeps the last segment of cut-off remarks as a truncated note', () => {
    const facts = parseRemarks('Gender Male; Digital Currency Addres', { truncated: true });
    expect(facts[1]).toMatchObject({ kind: 'note', truncated: true, value: 'Digital Currency Addres' });
  });
});

describe('parseRemarks: aliases', () => {
  it('reads a.k.a. / f.k.a. / n.k.a. and strips the outer quotes only', () => {
    expect(one("a.k.a. 'BNC'.")).toMatchObject({ kind: 'alias', variant: 'aka', name: 'BNC' });
    expect(one("f.k.a. 'SAND SWAN'")).toMatchObject({ kind: 'alias', variant: 'fka', name: 'SAND SWAN' });
    expect(one("n.k.a. 'NEW NAME LLC'")).toMatchObject({
      kind: 'alias',
      variant: 'nka',
      name: 'NEW NAME LLC',
    });
    expect(one("a.k.a. 'ABU 'ABDALLAH'")).toMatchObject({ name: "ABU 'ABDALLAH" });
    expect(one("a.k.a. 'DOCTOR M.R.O.'.")).toMatchObject({ name: 'DOCTOR M.R.O.' });
    expect(one("d.b.a. 'ANARQUIA PAINTBALL'")).toMatchObject({ variant: 'dba', name: 'ANARQUIA PAINTBALL' });
  });
});

describe('parseRemarks: birth', () => {
  it('reads exact, month, year, ranges and circa', () => {
    expect(one('DOB 23 Nov 1962')).toMatchObject({ kind: 'birthDate', from: '1962-11-23', circa: false });
    expect(one('DOB Nov 1962')).toMatchObject({ from: '1962-11' });
    expect(one('DOB 1962')).toMatchObject({ from: '1962' });
    expect(one('DOB 1960 to 1962')).toMatchObject({ from: '1960', to: '1962' });
    expect(one('DOB 01 Jan 1960 to 31 Dec 1962')).toMatchObject({ from: '1960-01-01', to: '1962-12-31' });
    expect(one('DOB circa 1962')).toMatchObject({ from: '1962', circa: true });
    expect(one('DOB circa 1979-1982')).toMatchObject({ from: '1979', to: '1982', circa: true });
    expect(one('alt. DOB 10 Oct 1969')).toMatchObject({ from: '1969-10-10', alt: true });
  });

  it('leaves impossible or reversed dates as notes', () => {
    expect(one('DOB 31 Feb 1962')).toMatchObject({ kind: 'note' });
    expect(one('DOB 1964 to 1962')).toMatchObject({ kind: 'note' });
    expect(parseBirthDate('sometime')).toBeUndefined();
  });

  it('reads the place of birth and its country from the last part', () => {
    expect(one('POB Caracas, Venezuela')).toMatchObject({
      kind: 'birthPlace',
      place: 'Caracas, Venezuela',
      country: 've',
    });
    expect(one('POB Russia')).toMatchObject({ place: 'Russia', country: 'ru' });
    const f = one('POB Guadalajara, Jalisco');
    expect(f).toMatchObject({ kind: 'birthPlace', place: 'Guadalajara, Jalisco' });
    expect(f.kind === 'birthPlace' && f.country).toBeUndefined();
    expect(one('alt. POB Baghdad, Iraq')).toMatchObject({ country: 'iq', alt: true });
  });
});

describe('parseRemarks: nationality, citizenship, gender', () => {
  it('maps countries and demonyms, keeping hedges in the text', () => {
    expect(one('nationality Russia')).toMatchObject({ kind: 'nationality', country: 'ru' });
    expect(one('alt. nationality Cyprus')).toMatchObject({ kind: 'nationality', country: 'cy', alt: true });
    expect(one('nationality Korea, North')).toMatchObject({ country: 'kp' });
    expect(one('citizen Venezuela')).toMatchObject({ kind: 'citizenship', country: 've' });
    expect(one('alt. citizen Mexico')).toMatchObject({ kind: 'citizenship', country: 'mx', alt: true });
    expect(one('nationality possibly Palestinian')).toMatchObject({ kind: 'nationality', country: 'ps' });
    expect(one('Nationality of Registration Virgin Islands, British')).toMatchObject({
      kind: 'registrationCountry',
      country: 'vg',
    });
  });

  it('keeps an unknown country as a fact without a code', () => {
    const f = one('nationality Atlantis');
    expect(f).toMatchObject({ kind: 'nationality', value: 'Atlantis' });
    expect(f.kind === 'nationality' && f.country).toBeUndefined();
  });

  it('reads gender', () => {
    expect(one('Gender Male')).toMatchObject({ kind: 'gender', gender: 'male' });
    expect(one('Gender Female.')).toMatchObject({ kind: 'gender', gender: 'female' });
    expect(one('Gender Unknowable')).toMatchObject({ kind: 'note' });
  });
});

describe('parseRemarks: identifiers', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    [
      'Passport 7112345 (Russia)',
      { idType: 'Passport', idKind: 'passport', number: '7112345', country: 'ru' },
    ],
    [
      'Passport E590976 (Tunisia) issued 19 Jun 1987 expires 18 Jun 1992',
      { idKind: 'passport', number: 'E590976', country: 'tn', issued: '1987-06-19', expires: '1992-06-18' },
    ],
    [
      'alt. Passport G 649385 issued 08 Sep 2006 expires 17 Jul 2011',
      { number: 'G 649385', alt: true, expires: '2011-07-17' },
    ],
    [
      'National ID No. 3100905657113 (Thailand) expires May 2006',
      { idKind: 'id', country: 'th', expires: '2006-05' },
    ],
    ['National ID No. D489833(9) (Hong Kong)', { number: 'D489833(9)', country: 'hk' }],
    [
      'Cedula No. 5892464 (Venezuela)',
      { idType: 'Cedula No.', idKind: 'id', number: '5892464', country: 've' },
    ],
    ['D.N.I. 12345678 (Argentina)', { idType: 'D.N.I.', idKind: 'id', country: 'ar' }],
    [
      'C.U.R.P. ZANM690801HJCMRR02 (Mexico)',
      { idType: 'C.U.R.P.', idKind: 'id', number: 'ZANM690801HJCMRR02' },
    ],
    ['SSN 123-45-6789 (United States)', { idKind: 'ssn', country: 'us' }],
    [
      'Tax ID No. 7744001497 (Russia)',
      { idType: 'Tax ID No.', idKind: 'tax', number: '7744001497', country: 'ru' },
    ],
    ['R.F.C. GAGE650101XX1 (Mexico)', { idType: 'R.F.C.', idKind: 'tax' }],
    [
      'NIT # 800123456-1 (Colombia)',
      { idType: 'NIT #', idKind: 'tax', number: '800123456-1', country: 'co' },
    ],
    ['RIF # J407882333 (Venezuela)', { idType: 'RIF #', idKind: 'tax', number: 'J407882333' }],
    ['C.U.I.T. 20-12345678-9 (Argentina)', { idType: 'C.U.I.T.', idKind: 'tax' }],
    ['Registration Number 1027700167110 (Russia)', { idType: 'Registration Number', idKind: 'registration' }],
    ['Registration ID HRB 109492', { idType: 'Registration ID', number: 'HRB 109492' }],
    [
      'Company Number 12345678 (United Kingdom)',
      { idType: 'Company Number', idKind: 'registration', country: 'gb' },
    ],
    [
      'Business Registration Document # 12345 (Panama)',
      { idType: 'Business Registration Document #', number: '12345' },
    ],
    [
      'Identification Number 210302198701102136 (China)',
      { idType: 'Identification Number', idKind: 'id', country: 'cn' },
    ],
    ['Vessel Registration Identification IMO 7406784', { idKind: 'imo', number: '7406784' }],
    ['Identification Number IMO 9339301', { idType: 'Identification Number IMO', idKind: 'imo' }],
    ['Company Number IMO 6005935', { idType: 'Company Number IMO', idKind: 'imo', number: '6005935' }],
    ['IMO 9876543', { idType: 'IMO', idKind: 'imo', number: '9876543' }],
    ['MMSI 422999999', { idKind: 'mmsi', number: '422999999' }],
    ['RFC AUSB650101XX1 (Mexico)', { idType: 'RFC', idKind: 'tax', country: 'mx' }],
    ['Legal Entity Number 253400WSS48YWMBUA688', { idKind: 'lei' }],
    ['SWIFT/BIC SABRRUMM', { idKind: 'swift', number: 'SABRRUMM' }],
    ['Government Gazette Number 00032537 (Russia)', { idKind: 'okpo' }],
    [
      "Aircraft Manufacturer's Serial Number (MSN) 1023409321",
      { idKind: 'aircraftSerial', number: '1023409321' },
    ],
    ['Equity Ticker CHA US', { idKind: 'ticker', number: 'CHA US' }],
    ['Matricula Mercantil No 57622 (Uraba)', { number: '57622', detail: '(Uraba)' }],
    [
      'Passport 4117921 issued under the name Dilawar Khan Zain Khan',
      { number: '4117921', detail: 'issued under the name Dilawar Khan Zain Khan' },
    ],
  ];
  it.each(cases)('%s', (remark, expected) => {
    expect(one(remark)).toMatchObject({ kind: 'identifier', ...expected });
  });

  it('does not take prose for a number', () => {
    expect(one('Passport issued 21 Jun 1992 in Amman, Jordan')).toMatchObject({ kind: 'note' });
    expect(one('Passport and National ID were issued in Ulm, Germany')).toMatchObject({ kind: 'note' });
    expect(parseIdentifier('')).toBeUndefined();
  });
});

describe('parseRemarks: contacts, wallets, organisations', () => {
  it('reads e-mail, website and phone, labelled or bare', () => {
    expect(one('Email Address info@pouyaair.com')).toMatchObject({
      kind: 'email',
      value: 'info@pouyaair.com',
    });
    expect(one('alt. Email Address a@b.ir')).toMatchObject({ kind: 'email', alt: true });
    expect(one('Website www.pouyaair.com')).toMatchObject({ kind: 'website', value: 'www.pouyaair.com' });
    expect(one('http://www.sanabel.org.uk (website)')).toMatchObject({
      kind: 'website',
      value: 'http://www.sanabel.org.uk',
    });
    expect(one('info@manartv.com')).toMatchObject({ kind: 'email' });
    expect(one('Phone Number 8613314257947')).toMatchObject({ kind: 'phone', value: '8613314257947' });
    expect(one('Telephone (357)(22660766)')).toMatchObject({ kind: 'phone' });
    expect(one('Fax: 982188717367')).toMatchObject({ kind: 'fax' });
  });

  it('reads digital currency addresses of any currency', () => {
    expect(one('Digital Currency Address - XBT 1Fz29BQp82pE3vXXcsZoMNQ3KSHfMzfMe3')).toMatchObject({
      kind: 'wallet',
      currency: 'XBT',
      address: '1Fz29BQp82pE3vXXcsZoMNQ3KSHfMzfMe3',
    });
    expect(
      one('alt. Digital Currency Address - ETH 0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c'),
    ).toMatchObject({
      currency: 'ETH',
      alt: true,
    });
    expect(one('Digital Currency Address - USDT TXyz123')).toMatchObject({ currency: 'USDT' });
  });

  it('reads organisation facts', () => {
    expect(one('Organization Established Date 17 Oct 2001')).toMatchObject({
      kind: 'established',
      date: '2001-10-17',
    });
    expect(one('Organization Established Date circa 1990')).toMatchObject({
      kind: 'established',
      date: '1990',
    });
    expect(one('Organization Type: Passenger air transport')).toMatchObject({
      kind: 'sector',
      value: 'Passenger air transport',
    });
    expect(one('Target Type Financial Institution')).toMatchObject({
      kind: 'targetType',
      value: 'Financial Institution',
    });
  });

  it('reads Linked To as written', () => {
    expect(one('Linked To: MADURO MOROS, Nicolas.')).toMatchObject({
      kind: 'linkedTo',
      name: 'MADURO MOROS, Nicolas',
    });
    const facts = parseRemarks('Linked To: BIESTRA S.A.; Linked To: HAMAS.');
    expect(facts.map((f) => f.kind === 'linkedTo' && f.name)).toEqual(['BIESTRA S.A.', 'HAMAS']);
  });
});

describe('parseRemarks: sanctions information', () => {
  const cases: Array<[string, string]> = [
    ['Additional Sanctions Information - Subject to Secondary Sanctions', 'Additional Sanctions Information'],
    [
      'Secondary sanctions risk: section 1(b) of Executive Order 13224, as amended by Executive Order 13886',
      'Secondary sanctions risk',
    ],
    [
      'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214',
      'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions',
    ],
    [
      'Executive Order 13846 information: LOANS FROM UNITED STATES FINANCIAL INSTITUTIONS.  Sec. 5(a)(i)',
      'Executive Order 13846',
    ],
    ['Executive Order 13662 Directive Determination - Subject to Directive 1', 'Executive Order 13662'],
    ['CAATSA Section 235 Information: BANKING TRANSACTIONS. Sec 235(a)(8)', 'CAATSA'],
    ['IFCA Determination - Involved in the Shipping Sector', 'IFCA Determination'],
    ['Listing Date (EO 14024 Directive 2): 24 Feb 2022', 'Listing Date'],
    ['Effective Date (EO 14024 Directive 2): 26 Mar 2022', 'Effective Date'],
    [
      'For more information on directives, please visit the following link: https://example.gov#directives',
      'Directives',
    ],
  ];
  it.each(cases)('%s', (remark, label) => {
    expect(one(remark)).toMatchObject({ kind: 'sanctionInfo', label });
  });
});

describe('parseRemarks: vessels, aircraft, people', () => {
  it('reads vessel and aircraft facts', () => {
    expect(one('Former Vessel Flag Malta')).toMatchObject({
      kind: 'vesselFlag',
      variant: 'former',
      country: 'mt',
    });
    expect(one('alt. Other Vessel Flag Trinidad and Tobago')).toMatchObject({
      kind: 'vesselFlag',
      variant: 'other',
      country: 'tt',
    });
    expect(one('Other Vessel Type Roll-on Roll-off')).toMatchObject({
      kind: 'vesselType',
      value: 'Roll-on Roll-off',
    });
    expect(one('Vessel Year of Build 1984')).toMatchObject({ kind: 'buildDate', date: '1984' });
    expect(one('Aircraft Manufacture Date 1992')).toMatchObject({ kind: 'buildDate', date: '1992' });
    expect(one('Aircraft Model IL76-TD')).toMatchObject({ kind: 'model', value: 'IL76-TD' });
    expect(one('Aircraft Operator YAS AIR')).toMatchObject({ kind: 'operator', value: 'YAS AIR' });
  });

  it('reads titles, positions, relatives and statuses', () => {
    const title = 'President of the Bolivarian Republic of Venezuela';
    expect(one(`${title}.`, { title })).toMatchObject({ kind: 'position', value: title });
    expect(
      one("Title, Police Chief, Alternate Title, Commander of Iran's Law Enforcement Force"),
    ).toMatchObject({
      kind: 'title',
      value: "Police Chief; Commander of Iran's Law Enforcement Force",
    });
    expect(one('Brigadier General')).toMatchObject({ kind: 'title' });
    expect(one('Member of the State Duma of the Federal Assembly of the Russian Federation')).toMatchObject({
      kind: 'position',
    });
    expect(one('wife of Izzat Ibrahim Al-Duri.')).toMatchObject({
      kind: 'relative',
      relation: 'wife',
      name: 'Izzat Ibrahim Al-Duri',
    });
    expect(one('ICTY indictee at large')).toMatchObject({ kind: 'status' });
    expect(one('all offices worldwide')).toMatchObject({ kind: 'status' });
  });
});

describe('parseRemarks: a real entry, end to end', () => {
  it('reads every segment of a cyber-actor remark', () => {
    const remark =
      'DOB 03 Mar 1985; POB Saint Petersburg, Russia; nationality Russia; Email Address antonandreyv@gmail.com; ' +
      'Gender Male; Digital Currency Address - XBT 1Fz29BQp82pE3vXXcsZoMNQ3KSHfMzfMe3; alt. Digital Currency Address - ' +
      'ETH 0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c; Phone Number 79315403678; Passport 4005504207 (Russia).';
    const facts = parseRemarks(remark);
    expect(facts.map((f) => f.kind)).toEqual([
      'birthDate',
      'birthPlace',
      'nationality',
      'email',
      'gender',
      'wallet',
      'wallet',
      'phone',
      'identifier',
    ]);
    expect(facts.every((f) => f.kind !== 'note')).toBe(true);
  });
});
