/**
 * Word lists that type a proper-noun phrase from its own words and its neighbours: titles before
 * people, the heads of company, organisation, public-body and place names, and the capitalised
 * words that start sentences without naming anything.
 */

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Titles and roles written before a person's name ("President", "Brigadier General", "Mr."). */
export const TITLES = words(`
  President Vice Prime Minister Deputy Foreign Defense Defence Interior Finance Oil Energy Economy Secretary
  General Gen. Gen Brigadier Major Maj. Colonel Col. Lieutenant Lt. Captain Capt. Commander Admiral Adm.
  Sergeant Marshal Field Mr. Mrs. Ms. Dr. Mr Mrs Ms Dr Judge Justice Senator Sen. Rep. Representative
  Governor Gov. Ambassador Sheikh Shaykh Sheik Emir Prince King Queen Crown Ayatollah Imam Mullah Hajj
  Haji Chairman Director CEO Attorney Prosecutor Agent Officer Supreme Leader Commissioner Chancellor
  Mayor Minister-President Senior Chief Sir Lord Lady Rabbi Father Bishop Pope Patriarch Cardinal
  Congressman Congresswoman Speaker Comrade Ustad Mawlawi Tycoon Businessman
`);

/** Last words of company names (and legal forms written in running text). */
export const COMPANY_HEADS = words(`
  Corp Corp. Corporation Co Co. Company Companies Inc Inc. Incorporated Ltd Ltd. Limited LLC L.L.C. LLP PLC plc
  GmbH AG SA S.A. SAL S.A.L. SARL SRL S.R.L. BV B.V. NV N.V. DMCC FZE FZCO FZC FZ-LLC JSC PJSC OJSC CJSC OOO
  ZAO OAO AO PAO LDA Lda Ltda Pte Bhd Sdn Kft Oy AB AS A.S. Group Holding Holdings Industries Industry
  Trading Traders Trade Capital Bank Banks Exchange Insurance Investments Investment Partners Enterprises
  Enterprise Ventures Shipping Shipbuilding Maritime Marine Tankers Tanker Lines Logistics
  Petroleum Petrochemical Petrochemicals Oil Gas Energy Mining Minerals Metals Steel Gold Diamonds Diamond Diam
  Airlines Airline Airways Aviation Air Cargo Freight Express Transport Services Solutions Systems
  Technologies Technology Tech Electronics Engineering Construction Manufacturing Motors Pharmaceuticals
  Pharma Supermarket Supermarkets Store Stores Foods Food Agro Textiles Chemicals Chemical Refinery Refining
  Consulting Management Resources Development Developments Properties Realty Imports Exports Import Export
  Commodities Commercial Brokers Finance Financial Securities Fund Media Telecom Communications Software
  Laboratories Labs Works Plant Factory Mills Yard Shipyard
`);

/** Last words of organisations that are not companies: forces, groups, councils, unions. */
export const ORGANIZATION_HEADS = words(`
  Forces Force Army Navy Guard Guards Corps Brigade Brigades Battalion Battalions Division Regiment Militia
  Militias Front Movement Party Council Union Nations Alliance League Association Federation Organization
  Organisation Organizations Committee Institute Foundation Society Process Cartel Syndicate Network
  Clan Gang Mob Mafia Resistance Jihad Hamas Taliban Brotherhood Coalition Fund Initiative Research
  Center Centre University Academy School Church Mission Trust Charity Court Tribunal
  Parliament Congress Assembly Senate Legion Command Unit Units Wing Squadron Fleet Bloc
`);

/** Words that make a phrase a government body. */
export const PUBLIC_BODY_HEADS = words(`
  Ministry Ministries Department Office Agency Administration Bureau Service Directorate
  Commission Customs Treasury Kremlin Pentagon Police Prosecutor Prosecutor's Cabinet Presidency Embassy
  Consulate Secretariat Authority Authorities Inspectorate Gendarmerie Intelligence
`);

/** Words of place names: "Simón Bolívar International Airport", "Port of Bandar Abbas", "Kharg Island". */
export const PLACE_HEADS = words(`
  Airport Airfield Airbase Port Harbor Harbour Island Islands Strait Gulf Sea Ocean River Valley Mountains
  Mountain Desert Peninsula Basin Province Region District County Oblast Governorate City
  Town Village Square Street Avenue Road Bridge Dam Canal Bay Coast Border Heights Arc Belt Triangle Zone Park
`);

/** Lower-case words that, after a capitalised name, make it a place ("Bolívar state"). */
export const PLACE_TAILS = words('state province region district county oblast governorate');
/** Facilities named by a proper noun and a common noun ("the Abadan refinery"): the noun is part of the name. */
export const FACILITY_TAILS = words('refinery prison airport airfield terminal oilfield');

/** Nouns after "the town of", "the port of": the proper noun that follows is a place. */
export const PLACE_NOUNS = words(`town city village port province region state district capital county island
  municipality oblast governorate area`);

/** Nouns of an appositive or a modifier that type the name next to them. */
export const PERSON_NOUNS = words(`
  analyst researcher economist dealer collector businessman businesswoman financier official officer spokesman
  spokeswoman spokesperson minister president director chairman owner founder commander leader head chief
  judge prosecutor lawyer attorney general colonel son daughter wife husband brother sister nephew niece cousin
  uncle aunt father mother man woman trader smuggler trafficker broker executive manager banker envoy
  ambassador diplomat journalist reporter professor scholar expert investigator activist member deputy
  militant fighter operative agent citizen national resident associate partner secretary governor mayor
  lawmaker senator politician cleric pilot captain engineer accountant heir tycoon magnate kingpin boss
  lieutenant sergeant major soldier admiral brigadier marshal corporal private inmate fundraiser
`);

export const COMPANY_NOUNS = words(`
  company firm maker manufacturer producer supplier bureau subsidiary affiliate corporation conglomerate
  business enterprise exporter importer refiner refinery trader distributor shipper operator carrier
  airline bank lender insurer investor fund holding consortium contractor outfit front brokerage exchange
  supermarket store shop chain group venture startup partnership plant factory shipyard forwarder
  logistics freight
`);

export const ORGANIZATION_NOUNS = words(`
  group organization organisation militia movement party cartel gang network faction alliance coalition
  union council committee institute foundation charity army force unit branch wing body bloc proxy
  rebels militants insurgents guerrillas
`);

export const VESSEL_NOUNS = words(
  'tanker vessel ship freighter carrier supertanker boat yacht trawler dhow barge',
);

/**
 * Capitalised words that begin sentences (or headlines) without naming anything. A sentence-first
 * word outside this list still needs to look like a name elsewhere in the document.
 */
export const SENTENCE_STARTERS = words(`
  The A An In On At By For From To Of With Without As After Before Since Until When While Where Whoever
  Whatever However Although Though Because If Unless Once Also And But Or Nor Yet So Then Now Still Even
  Only Just Much Many Most Some Any Each Every Both Either Neither Another Other Such This That These
  Those It Its He His She Her They Their We Our You Your I My There Here What Which Who Whom Whose How Why
  According Moving Leaked Investigators Agents Prosecutors Officials Authorities Analysts Critics
  Members Member Soldiers Troops Police Militants Fighters Gunmen Rebels Residents Witnesses Crews
  Supporters Lawmakers Diplomats Experts Sources Documents Records Reports Data Records Satellite Images
  Meanwhile Earlier Later Last Next First Second Third Finally Further Furthermore Moreover Instead
  Indeed Already Again Under Over Between Among Across Through During Despite Against Around About
  Beyond Near Inside Outside Within Along Amid Among Via Per Like Unlike Regarding Including Excluding
  Behind Below Above Beneath Beside Besides Toward Towards Upon Onto Into Bars Rice Paint Gold Oil Drones
  Shipments Sanctions Trade Money Cash Payments Fuel Weapons Arms Cocaine Drugs Smuggling Several Few
  No Not Never Nobody None Nothing All Everything Everyone Someone Something Anyone Yes Well Said Says
  Asked Told Speaking Writing Using Working Looking Trying Taking Making Going Coming Having Being
  Tracing Mapping Following Describing Asked Whether Largely Separately Similarly Likewise Together
  Home Abroad Today Yesterday Tomorrow Recently Currently Previously Formerly Subsequently Eventually
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
  Designated Specially Executive Order Chapter Section Article Part Annex Table Figure
  Mr Mrs Ms Dr Judge President Minister General Brigadier Colonel Captain Sheikh
  Venezuelans Iranians Russians Americans Ukrainians Lebanese Turks Colombians Mexicans Syrians
`);

/** Adjectives written with a capital that are never a party on their own ("Western banks"). */
export const CAPITALISED_ADJECTIVES = words(`
  Western Eastern Northern Southern Central Islamic Arab Muslim Christian Jewish Shia Shiite Sunni Kurdish
  European Asian African Latin Middle Far Near Global International National Federal Special Gulf Persian
  Balkan Caucasian Soviet Communist Bolivarian Chavista Marxist Catholic Orthodox Protestant Hindu Buddhist
`);

/** First words of company names in Spanish, Portuguese, French and Italian. */
export const COMPANY_STARTS = words(`
  Corporación Corporacion Compañía Compania Empresa Empresas Sociedad Banco Grupo Industrias Compagnie
  Société Societe Companhia Petróleos Petroleos Inversiones Comercializadora Constructora Naviera
  Transportes Distribuidora Importadora Exportadora
`);

/** Plural family nouns: "the Tajideen brothers" uses the surname as a modifier. */
export const FAMILY_PLURALS = words('brothers sisters family families clan cousins sons daughters');

/** Phrases that look like names but are programmes, sanctions categories or laws, never parties. */
export const NOT_PARTIES = [
  /^Specially Designated/,
  /^Foreign Terrorist Organi[sz]ation$/,
  /^Executive Order/,
  /^Global Terrorist/,
  /^Kingpin Act/,
  /^Magnitsky/,
  /^Caesar Act/,
  /^Patriot Act/,
  /^SDGT$/,
  /^SDN$/,
  /^(?:Entity|SDN|Sanctions|Consolidated) List$/,
  /^(?:EO|E\.O\.) ?\d/,
];

/** Product and model names: "Shahed-136", "Geran-2", "Su-35", "Mohajer 6". */
export const PRODUCT = /^\p{L}+[- ]\d+[\p{L}\d]*$/u;

/** Text before a kin's given name: "his brothers Ali and ", "Barakat's son " (group 1 his/her, 2 the owner). */
export const KIN_BEFORE =
  /(?:\b(his|her)|([\p{Lu}][\p{L}'-]+)['’]s)\s+(?:(?:two|three|four|younger|elder|older)\s+)?(?:brothers?|sons?|sisters?|daughters?|cousins?|nephews?|nieces?|father|mother|wife|husband|uncle)\s+(?:[\p{Lu}][\p{L}'-]+\s+(?:and|,)\s+)?$/u;
