/**
 * Word lists that change how much a token of a name counts. All entries are in normalised form
 * (lowercase ASCII, no punctuation), as produced by the tokenizer.
 */

/**
 * Honorifics, titles, ranks and offices that precede (or follow) people's names. They are removed
 * from people's names; they say nothing about identity.
 */
export const PERSON_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'doctor', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
  'madam', 'madame', 'mme', 'mlle', 'monsieur', 'messrs', 'herr', 'frau', 'senor', 'senora', 'senorita',
  'don', 'dona', 'sr', 'jr', 'snr', 'jnr', 'esq', 'hon', 'honorable', 'honourable', 'excellency', 'he',
  'rev', 'reverend', 'fr', 'bishop', 'archbishop', 'cardinal', 'pastor', 'rabbi',
  'sheikh', 'shaikh', 'shaykh', 'sheik', 'cheikh', 'sheihk', 'shaykha', 'sheikha',
  'haji', 'hajji', 'hajj', 'alhaji', 'alhaj', 'alhajj', 'hadji', 'hadj', 'hajjah',
  'ayatollah', 'ayatullah', 'ayatolah', 'hojatoleslam', 'hojjatoleslam', 'hojatolislam', 'hujjat',
  'mullah', 'mulla', 'molla', 'mawlawi', 'maulvi', 'molvi', 'mawlvi', 'maulana', 'mawlana', 'moulana',
  'mufti', 'imam', 'qari', 'qazi', 'ustad', 'ustadh', 'ustaz', 'eng', 'engr', 'engineer',
  'general', 'gen', 'lieutenant', 'lt', 'ltc', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'cpt',
  'brigadier', 'brig', 'admiral', 'adm', 'commander', 'cmdr', 'marshal', 'sergeant', 'sgt', 'corporal',
  'commodore', 'commandant',
  'president', 'presidente', 'prasident', 'prezident', 'vicepresident', 'vice', 'prime', 'minister',
  'secretary', 'senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'governor',
  'gov', 'mayor', 'ambassador', 'amb', 'judge', 'justice', 'chairman', 'chairwoman', 'deputy',
  'king', 'queen', 'prince', 'princess', 'emir', 'amir', 'crown', 'his', 'her', 'highness', 'majesty',
  'royal', 'dato', 'datuk', 'tan', 'sri', 'tun', 'pehin', 'shri', 'smt',
  'sayyed', 'sayyid', 'sayed', 'sayid', 'seyed', 'seyyed', 'syed', 'sied',
]);

/**
 * Titles that are also common given names; only removed when the name keeps at least two other
 * words and the title comes first ("Amir Khan" keeps Amir, "Emir Abdul Karim X" drops it).
 */
export const AMBIGUOUS_TITLES = new Set(['sen', 'gen', 'maj', 'imam', 'mufti', 'qazi', 'sayyed', 'sayyid', 'sayed', 'sayid', 'seyed', 'seyyed', 'syed', 'sied', 'emir', 'amir', 'tan', 'sri', 'don', 'dona', 'fr', 'he', 'his', 'her', 'lady', 'king', 'prince', 'general', 'major', 'justice', 'crown', 'royal', 'vice', 'prime', 'deputy', 'eng']);

/**
 * Honorifics that are never part of a name: dropped wherever they stand ("MOHAMMAD HAJI ASAD",
 * "John Smith Jr."). Other titles are only dropped in front of a name (Bishop, Judge and Sheikh
 * are surnames too).
 */
export const ANYWHERE_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'messrs', 'esq', 'jr', 'sr',
  'snr', 'jnr', 'hon', 'honorable', 'honourable', 'excellency', 'haji', 'hajji', 'hajj', 'alhaji', 'alhaj',
  'alhajj', 'hadji', 'hadj', 'hajjah', 'ayatollah', 'ayatullah', 'ayatolah', 'hojatoleslam',
  'hojjatoleslam', 'hojatolislam', 'mullah', 'mulla', 'molla', 'mawlawi', 'maulvi', 'molvi', 'mawlvi',
  'maulana', 'mawlana', 'moulana', 'monsieur', 'madame', 'mme', 'mlle', 'herr', 'frau', 'senor', 'senora',
]);

/** Prefixes of ships' names (motor vessel, motor tanker…), dropped from vessel names. */
export const VESSEL_PREFIXES = new Set([
  'mv', 'mt', 'ms', 'ss', 'sv', 'fv', 'my', 'mts', 'tss', 'rv', 'lng', 'lpg', 'mtkr', 'vlcc', 'ulcc', 'hms', 'uss',
  'motor', 'vessel', 'tanker', 'ship', 'yacht', 'm', 'v', 't',
]);

/**
 * Particles inside personal names. They are kept (so run-together spellings like "Alassad" still
 * align) but weigh very little. Arabic: al/el (article), bin/ibn/ben/bint/ould (son/daughter of),
 * ul/ud/ur/ad/as/an (connecting article in Bashir-ud-din, Zia-ur-Rahman). European: de, van, von…
 */
export const PARTICLES = new Set([
  'al', 'el', 'bin', 'ibn', 'bint', 'binti', 'bent', 'ben', 'ould', 'ul', 'ud', 'ur', 'ad', 'as', 'an', 'az',
  'ash', 'at', 'ar', 'aal', 'bani', 'ol', 'os', 'ud',
  'de', 'da', 'di', 'del', 'della', 'dei', 'des', 'du', 'van', 'von', 'der', 'den', 'ter', 'ten', 'la', 'le',
  'lo', 'dos', 'das', 'do', 'und', 'zu', 'af', 'av',
]);

/** Particles that are only particles when not the first word ("Ben Netanyahu" is a given name). */
export const NON_INITIAL_PARTICLES = new Set(['ben', 'bent', 'an', 'as', 'at', 'ad', 'ar', 'do', 'da', 'la', 'le', 'lo', 'del', 'van', 'af', 'av']);

/** Particles of Arabic names: their presence marks a name whose Latin vowels are unreliable. */
export const ARABIC_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'binti', 'ould', 'ul', 'ud', 'ur', 'abd', 'abu', 'aal']);

/** Function words dropped from organisation names. */
export const STOPWORDS = new Set([
  'the', 'of', 'and', 'for', 'in', 'on', 'at', 'to', 'by', 'a', 'an', 'und', 'et', 'y', 'e', 'i',
  'de', 'del', 'della', 'des', 'du', 'la', 'le', 'les', 'el', 'los', 'las', 'der', 'die', 'das', 'fur',
  'im', 'von', 'van', 'dos', 'da', 'do', 'di',
]);

/**
 * Descriptive words of organisation names: they count for little when they match (two companies
 * both called "… Trading" are not the same) but a descriptor present on one side only still tells
 * them apart ("Crystalord Systems" is not "Crystalord").
 */
export const GENERIC_ORG_WORDS = new Set([
  'trading', 'trade', 'traders', 'trader', 'international', 'intl', 'internacional', 'internationale',
  'group', 'groupe', 'grupo', 'gruppa', 'gruppe', 'holding', 'holdings', 'enterprise', 'enterprises',
  'industries', 'industry', 'industrial', 'industrias', 'services', 'service', 'servicios', 'solutions',
  'systems', 'system', 'technologies', 'technology', 'tech', 'management', 'investment', 'investments',
  'invest', 'inversiones', 'capital', 'partners', 'global', 'general', 'import', 'export', 'imports',
  'exports', 'importexport', 'commercial', 'comercial', 'commerce', 'development', 'resources', 'logistics',
  'shipping', 'marine', 'maritime', 'navigation', 'transport', 'transportation', 'lines', 'line', 'energy',
  'engineering', 'construction', 'consulting', 'consultants', 'consultancy', 'manufacturing', 'products',
  'supply', 'supplies', 'agency', 'office', 'bureau', 'foundation', 'fund', 'association', 'organization',
  'organisation', 'organizatsiya', 'institute', 'institution', 'academy', 'university', 'center', 'centre',
  'tsentr', 'council', 'committee', 'ministry', 'department', 'government', 'authority', 'administration',
  'factory', 'plant', 'zavod', 'works', 'electronics', 'electric', 'equipment', 'materials', 'chemical',
  'chemicals', 'pharmaceutical', 'pharmaceuticals', 'mining', 'metals', 'steel', 'power', 'aviation',
  'airlines', 'airways', 'network', 'media', 'press', 'security', 'business', 'firm', 'firma', 'kompaniya',
  'sanaye', 'tejarat', 'bazargani', 'empresa', 'societe', 'sociedad', 'handel', 'handels', 'united',
  'national', 'federal', 'central', 'state', 'new', 'sciences', 'science', 'research', 'union',
  'federation', 'society', 'movement', 'front', 'party', 'brigade', 'brigades', 'battalion', 'army',
  'forces', 'force', 'corps', 'bank', 'banque', 'banco', 'petroleum', 'oil', 'gas', 'petrochemical',
  'petrochemicals', 'shipyard', 'yard', 'airline', 'air', 'express', 'agro', 'food', 'foods', 'estate',
  'properties', 'property', 'realty', 'hotel', 'hotels', 'travel', 'tourism', 'finance', 'financial',
  'insurance', 'credit', 'exchange', 'money', 'gold', 'jewelry', 'jewellery', 'concern', 'headquarters',
  'pmc', 'complex', 'establishment', 'est', 'agencies', 'ventures',
]);

/**
 * Place names and nationality adjectives that qualify an organisation's name ("Deutsche Bank
 * (Schweiz) AG", "PLA China"). They weigh little on either side. Not used for people: Jordan,
 * Chad or Georgia are given names.
 */
export const GEO_WORDS = new Set([
  'uk', 'usa', 'us', 'america', 'american', 'europe', 'european', 'asia', 'asian', 'africa', 'african',
  'middle', 'east', 'west', 'north', 'south', 'eastern', 'western', 'northern', 'southern', 'gulf',
  'arab', 'arabia', 'arabian', 'emirates', 'uae', 'dubai', 'london', 'moscow', 'beijing', 'hong', 'kong',
  'hongkong', 'singapore', 'china', 'chinese', 'russia', 'russian', 'rossii', 'rossiya', 'iran', 'iranian',
  'iraq', 'iraqi', 'syria', 'syrian', 'lebanon', 'lebanese', 'turkey', 'turkiye', 'turkish', 'germany',
  'german', 'deutschland', 'deutsche', 'schweiz', 'suisse', 'switzerland', 'swiss', 'france', 'french',
  'italia', 'italy', 'spain', 'espana', 'india', 'indian', 'pakistan', 'afghanistan', 'korea', 'korean',
  'japan', 'japanese', 'venezuela', 'venezolana', 'venezuelan', 'cuba', 'cuban', 'mexico', 'mexican',
  'colombia', 'colombian', 'panama', 'cyprus', 'malta', 'greece', 'greek', 'hellenic', 'ukraine',
  'ukrainian', 'belarus', 'kazakhstan', 'uzbekistan', 'azerbaijan', 'armenia', 'georgia', 'israel',
  'palestine', 'egypt', 'libya', 'sudan', 'yemen', 'oman', 'qatar', 'kuwait', 'bahrain', 'saudi',
  'jordan', 'malaysia', 'indonesia', 'thailand', 'vietnam', 'philippines', 'canada', 'brazil', 'argentina',
  'netherlands', 'holland', 'belgium', 'austria', 'poland', 'sweden', 'norway', 'denmark', 'finland',
  'latvia', 'lithuania', 'estonia', 'moldova', 'romania', 'bulgaria', 'serbia', 'crimea', 'siberia',
  'siberian', 'ural', 'caspian', 'persian', 'pars', 'overseas', 'offshore', 'worldwide', 'world',
  'levant', 'maghreb', 'sahel', 'caucasus', 'balkans', 'scandinavia', 'latin', 'pacific', 'atlantic',
]);

/**
 * Very common name words (surnames shared by millions, the commonest given names). A match on them
 * alone is weak evidence, so they weigh less than other name parts.
 */
export const COMMON_NAME_WORDS = new Set([
  'kim', 'lee', 'li', 'park', 'pak', 'choi', 'choe', 'jung', 'chung', 'kang', 'cho', 'yoon', 'jang', 'lim',
  'han', 'wang', 'zhang', 'chen', 'liu', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu',
  'hu', 'guo', 'he', 'lin', 'nguyen', 'tran', 'le', 'pham', 'singh', 'kumar', 'khan', 'shah', 'ali',
  'ahmad', 'ahmed', 'muhammad', 'mohammad', 'mohammed', 'mohamed', 'hassan', 'hasan', 'hussein', 'husain',
  'abdullah', 'smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'rodriguez', 'martinez',
  'hernandez', 'lopez', 'gonzalez', 'perez', 'sanchez', 'ivanov', 'ivanova', 'petrov', 'smirnov',
  'john', 'james', 'david', 'maria', 'jose', 'juan', 'ibrahim', 'yusuf', 'omar', 'umar',
]);

/** Abbreviations of descriptive words in organisation names, expanded before comparison. */
export const ORG_ABBREVIATIONS: Readonly<Record<string, string>> = {
  intl: 'international', internatl: 'international', natl: 'national', mfg: 'manufacturing',
  inds: 'industries', ind: 'industries', indus: 'industries', svcs: 'services', svc: 'services',
  tech: 'technology', techs: 'technologies', assn: 'association', assoc: 'association',
  dept: 'department', govt: 'government', univ: 'university', inst: 'institute', mgmt: 'management',
  mgt: 'management', ctr: 'center', centre: 'center', cntr: 'center', hldgs: 'holdings', hldg: 'holding',
  grp: 'group', invest: 'investment', invt: 'investment', engg: 'engineering', constr: 'construction',
  dev: 'development', devt: 'development', petrochem: 'petrochemical', pharma: 'pharmaceutical',
  chem: 'chemical', elec: 'electric', equip: 'equipment', bros: 'brothers',
  trdg: 'trading', trad: 'trading', shpg: 'shipping', nav: 'navigation', transp: 'transport',
};
