/**
 * Countries as documents name them: the short name, other names, demonyms (adjectives), and the
 * capital, which in news text stands for the government ("Moscow and Tehran agreed") and in a
 * dateline for the country. Written for Tangle; ISO 3166-1 alpha-2 codes.
 */

export interface Country {
  iso: string;
  name: string;
  /** Every name that refers to the country itself (name included). */
  names: string[];
  demonyms: string[];
  capitals: string[];
}

// iso | name | other names | demonyms | capital(s)
const TABLE = `
af|Afghanistan||Afghan|Kabul
ad|Andorra||Andorran|Andorra la Vella
ag|Antigua and Barbuda|||Saint John's
bs|Bahamas|The Bahamas|Bahamian|Nassau
bb|Barbados||Barbadian|Bridgetown
bt|Bhutan||Bhutanese|Thimphu
bw|Botswana||Botswanan|Gaborone
bn|Brunei||Bruneian|Bandar Seri Begawan
bi|Burundi||Burundian|Gitega
cv|Cape Verde|Cabo Verde|Cape Verdean|Praia
km|Comoros||Comoran|Moroni
dm|Dominica|||Roseau
tl|Timor-Leste|East Timor|Timorese|Dili
sz|Eswatini|Swaziland|Swazi|Mbabane
fj|Fiji||Fijian|Suva
gd|Grenada||Grenadian|St. George's
is|Iceland||Icelandic|Reykjavik
ls|Lesotho|||Maseru
li|Liechtenstein|||Vaduz
mw|Malawi||Malawian|Lilongwe
mv|Maldives||Maldivian|Male
mh|Marshall Islands||Marshallese|Majuro
mu|Mauritius||Mauritian|Port Louis
fm|Micronesia||Micronesian|Palikir
mc|Monaco||Monegasque|
nr|Nauru||Nauruan|
pw|Palau||Palauan|Ngerulmud
pg|Papua New Guinea||Papua New Guinean|Port Moresby
kn|Saint Kitts and Nevis|St. Kitts and Nevis||Basseterre
lc|Saint Lucia|St. Lucia|Saint Lucian|Castries
vc|Saint Vincent and the Grenadines|St. Vincent and the Grenadines||Kingstown
ws|Samoa||Samoan|Apia
sm|San Marino|||
st|Sao Tome and Principe|São Tomé and Príncipe||Sao Tome
sc|Seychelles||Seychellois|Victoria
sb|Solomon Islands|||Honiara
to|Tonga||Tongan|Nuku'alofa
tv|Tuvalu||Tuvaluan|Funafuti
va|Vatican|Holy See||Vatican City
vu|Vanuatu||Vanuatuan|Port Vila
al|Albania||Albanian|Tirana
dz|Algeria||Algerian|Algiers
ao|Angola||Angolan|Luanda
ar|Argentina||Argentine,Argentinian|Buenos Aires
am|Armenia||Armenian|Yerevan
au|Australia||Australian|Canberra
at|Austria||Austrian|Vienna
az|Azerbaijan||Azerbaijani,Azeri|Baku
bh|Bahrain||Bahraini|Manama
bd|Bangladesh||Bangladeshi|Dhaka
by|Belarus|Byelorussia|Belarusian|Minsk
be|Belgium||Belgian|Brussels
bz|Belize||Belizean|Belmopan
bj|Benin||Beninese|Porto-Novo
bo|Bolivia||Bolivian|La Paz,Sucre
ba|Bosnia and Herzegovina|Bosnia|Bosnian|Sarajevo
br|Brazil||Brazilian|Brasilia,Brasília
bg|Bulgaria||Bulgarian|Sofia
bf|Burkina Faso||Burkinabe|Ouagadougou
mm|Myanmar|Burma|Burmese,Myanmar's|Naypyidaw,Naypyitaw
kh|Cambodia||Cambodian|Phnom Penh
cm|Cameroon||Cameroonian|Yaounde,Yaoundé
ca|Canada||Canadian|Ottawa
cf|Central African Republic|CAR|Central African|Bangui
td|Chad||Chadian|N'Djamena
cl|Chile||Chilean|Santiago
cn|China|People's Republic of China,PRC|Chinese|Beijing
co|Colombia||Colombian|Bogota,Bogotá
cd|Democratic Republic of the Congo|Democratic Republic of Congo,DRC,DR Congo,Congo-Kinshasa|Congolese|Kinshasa
cg|Republic of the Congo|Congo-Brazzaville,Republic of Congo||Brazzaville
cr|Costa Rica||Costa Rican|San Jose,San José
ci|Cote d'Ivoire|Côte d'Ivoire,Ivory Coast|Ivorian|Yamoussoukro,Abidjan
hr|Croatia||Croatian|Zagreb
cu|Cuba||Cuban|Havana
cy|Cyprus||Cypriot|Nicosia
cz|Czech Republic|Czechia|Czech|Prague
dk|Denmark||Danish|Copenhagen
dj|Djibouti||Djiboutian|Djibouti City
do|Dominican Republic||Dominican|Santo Domingo
ec|Ecuador||Ecuadorian,Ecuadorean|Quito
eg|Egypt||Egyptian|Cairo
sv|El Salvador||Salvadoran,Salvadorean|San Salvador
gq|Equatorial Guinea||Equatoguinean|Malabo
er|Eritrea||Eritrean|Asmara
ee|Estonia||Estonian|Tallinn
et|Ethiopia||Ethiopian|Addis Ababa
fi|Finland||Finnish|Helsinki
fr|France||French|Paris
ga|Gabon||Gabonese|Libreville
gm|The Gambia|Gambia|Gambian|Banjul
ge|Georgia||Georgian|Tbilisi
de|Germany||German|Berlin
gh|Ghana||Ghanaian|Accra
gr|Greece||Greek|Athens
gt|Guatemala||Guatemalan|Guatemala City
gn|Guinea||Guinean|Conakry
gw|Guinea-Bissau||Bissau-Guinean|Bissau
gy|Guyana||Guyanese|Georgetown
ht|Haiti||Haitian|Port-au-Prince
hn|Honduras||Honduran|Tegucigalpa
hu|Hungary||Hungarian|Budapest
in|India||Indian|New Delhi
id|Indonesia||Indonesian|Jakarta
ir|Iran|Islamic Republic of Iran|Iranian,Persian|Tehran,Teheran
iq|Iraq||Iraqi|Baghdad
ie|Ireland||Irish|Dublin
il|Israel||Israeli|Jerusalem
it|Italy||Italian|Rome
jm|Jamaica||Jamaican|Kingston
jp|Japan||Japanese|Tokyo
jo|Jordan||Jordanian|Amman
kz|Kazakhstan||Kazakh,Kazakhstani|Astana
ke|Kenya||Kenyan|Nairobi
kp|North Korea|Democratic People's Republic of Korea,DPRK|North Korean|Pyongyang
kr|South Korea|Republic of Korea|South Korean|Seoul
kw|Kuwait||Kuwaiti|Kuwait City
kg|Kyrgyzstan|Kyrgyz Republic|Kyrgyz|Bishkek
la|Laos||Laotian,Lao|Vientiane
lv|Latvia||Latvian|Riga
lb|Lebanon||Lebanese|Beirut
lr|Liberia||Liberian|Monrovia
ly|Libya||Libyan|Tripoli
lt|Lithuania||Lithuanian|Vilnius
lu|Luxembourg||Luxembourgish|Luxembourg City
mg|Madagascar||Malagasy|Antananarivo
my|Malaysia||Malaysian|Kuala Lumpur
ml|Mali||Malian|Bamako
mt|Malta||Maltese|Valletta
mr|Mauritania||Mauritanian|Nouakchott
mx|Mexico||Mexican|Mexico City
md|Moldova||Moldovan|Chisinau
mn|Mongolia||Mongolian|Ulaanbaatar
me|Montenegro||Montenegrin|Podgorica
ma|Morocco||Moroccan|Rabat
mz|Mozambique||Mozambican|Maputo
na|Namibia||Namibian|Windhoek
np|Nepal||Nepali,Nepalese|Kathmandu
nl|Netherlands|Holland|Dutch|Amsterdam,The Hague
nz|New Zealand||New Zealander|Wellington
ni|Nicaragua||Nicaraguan|Managua
ne|Niger||Nigerien|Niamey
ng|Nigeria||Nigerian|Abuja
mk|North Macedonia|Macedonia|Macedonian|Skopje
no|Norway||Norwegian|Oslo
om|Oman||Omani|Muscat
pk|Pakistan||Pakistani|Islamabad
ps|Palestine|Palestinian Territories|Palestinian|Ramallah
pa|Panama||Panamanian|Panama City
py|Paraguay||Paraguayan|Asuncion,Asunción
pe|Peru||Peruvian|Lima
ph|Philippines||Filipino,Philippine|Manila
pl|Poland||Polish|Warsaw
pt|Portugal||Portuguese|Lisbon
qa|Qatar||Qatari|Doha
ro|Romania||Romanian|Bucharest
ru|Russia|Russian Federation|Russian|Moscow
rw|Rwanda||Rwandan|Kigali
sa|Saudi Arabia||Saudi|Riyadh
sn|Senegal||Senegalese|Dakar
rs|Serbia||Serbian|Belgrade
sl|Sierra Leone||Sierra Leonean|Freetown
sg|Singapore||Singaporean|
sk|Slovakia||Slovak|Bratislava
si|Slovenia||Slovenian|Ljubljana
so|Somalia||Somali|Mogadishu
za|South Africa||South African|Pretoria,Cape Town
ss|South Sudan||South Sudanese|Juba
es|Spain||Spanish|Madrid
lk|Sri Lanka||Sri Lankan|Colombo
sd|Sudan||Sudanese|Khartoum
sr|Suriname||Surinamese|Paramaribo
se|Sweden||Swedish|Stockholm
ch|Switzerland||Swiss|Bern
sy|Syria|Syrian Arab Republic|Syrian|Damascus
tw|Taiwan||Taiwanese|Taipei
tj|Tajikistan||Tajik|Dushanbe
tz|Tanzania||Tanzanian|Dodoma
th|Thailand||Thai|Bangkok
tg|Togo||Togolese|Lome,Lomé
tt|Trinidad and Tobago||Trinidadian|Port of Spain
tn|Tunisia||Tunisian|Tunis
tr|Turkey|Türkiye,Turkiye|Turkish|Ankara
tm|Turkmenistan||Turkmen|Ashgabat
ug|Uganda||Ugandan|Kampala
ua|Ukraine||Ukrainian|Kyiv,Kiev
ae|United Arab Emirates|UAE,U.A.E.,the Emirates|Emirati|Abu Dhabi
gb|United Kingdom|Britain,Great Britain,U.K.,UK|British|London
us|United States|United States of America,U.S.,US,USA,U.S.A.,America|American|Washington
uy|Uruguay||Uruguayan|Montevideo
uz|Uzbekistan||Uzbek|Tashkent
ve|Venezuela|Bolivarian Republic of Venezuela|Venezuelan|Caracas
vn|Vietnam|Viet Nam|Vietnamese|Hanoi
ye|Yemen||Yemeni|Sanaa,Sana'a
zm|Zambia||Zambian|Lusaka
zw|Zimbabwe||Zimbabwean|Harare
`;

export const COUNTRIES: readonly Country[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [iso, name, others, demonyms, capitals] = line.split('|');
    const list = (s: string | undefined) =>
      s
        ? s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : [];
    return {
      iso: iso!,
      name: name!,
      names: [name!, ...list(others)],
      demonyms: list(demonyms),
      capitals: list(capitals),
    };
  });

/** How a phrase refers to a country. */
export type CountryRole = 'name' | 'capital' | 'demonym';

export interface CountryHit {
  country: Country;
  role: CountryRole;
}

/** Exact-text lookups (case-sensitive, as written in the text; "US" and "UK" need their capitals). */
const BY_TEXT = new Map<string, CountryHit>();
for (const country of COUNTRIES) {
  for (const n of country.names) {
    // "The Gambia" / "the Emirates": the article is part of the name but often lower case.
    BY_TEXT.set(n, { country, role: 'name' });
    if (n.startsWith('The ')) BY_TEXT.set(n.slice(4), { country, role: 'name' });
  }
  for (const c of country.capitals) {
    if (!BY_TEXT.has(c)) BY_TEXT.set(c, { country, role: 'capital' });
    BY_TEXT.set(c.toUpperCase(), { country, role: 'capital' });
  }
  for (const d of country.demonyms) if (!BY_TEXT.has(d)) BY_TEXT.set(d, { country, role: 'demonym' });
}
// Ambiguous capitals that are also ordinary names or places elsewhere stay country-only when
// written as the capital; "Georgia" and "Jordan" are resolved by context in mentions.ts.

/** The country a span of text names, by name, capital or demonym. */
export function countryOf(text: string): CountryHit | undefined {
  return BY_TEXT.get(text);
}

/** Longest number of words in a country phrase (for scanning). */
export const MAX_COUNTRY_WORDS = 6;

export function countryByIso(iso: string): Country | undefined {
  return COUNTRIES.find((c) => c.iso === iso);
}
