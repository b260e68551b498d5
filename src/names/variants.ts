/**
 * Known spelling variants of name parts: different Latin spellings of one Arabic, Persian, Slavic
 * or other name that edit distance alone cannot safely join (Mohammed/Muhammad differ in two
 * vowels, exactly like the different German surnames Schulze/Scholz). Also common nicknames.
 *
 * Each group lists spellings of one name; a token may belong to several groups.
 */

const GROUPS: string[] = [
  // Arabic and Persian given names
  'muhammad mohammad mohammed mohamed muhammed mohamad muhamad mohamud mohd mohammod mouhamed mouhammad muhamed mohamet mahomed mehmet mehmed muhamet',
  'ahmad ahmed achmed ahmet ahmat ahmadou ehmad',
  'mahmoud mahmud mahmood mehmood mahmut mahmoude',
  'hussein husain husayn hussain hussien houssein huseyin hossein husein hosein hosain hussayn',
  'hassan hasan hassen hasen hasan',
  'ali aly alee',
  'osama usama usamah ousama oussama osamah',
  'qasem qassem qasim kassem kasem ghasem ghassem qaseem kasim qassim gasem kacem',
  'soleimani suleimani sulaimani solaimani sulaymani soleymani suleymani sulejmani',
  'suleiman sulaiman sulayman soleiman solaiman suleyman sulejman souleymane',
  'yusuf yousef youssef yousuf yusef yossef yousif yusif yussuf',
  'ibrahim ebrahim ibraheem brahim ebraheem',
  'omar umar omer oumar',
  'uthman othman osman usman othmane ousmane',
  'abubakr abubakar abubaker abubakir aboubakar aboubakr',
  'khalid khaled chaled khalied',
  'walid waleed oualid',
  'said saeed saied saaid',
  'saad sad saaed',
  'jafar jaafar jafer jaffar djafar',
  'yahya yahia yehia yahiya',
  'mustafa mostafa moustafa mustapha moustapha mostapha',
  'hamid hamed hameed',
  'javad jawad djawad',
  'jamal gamal djamel jamel',
  'jamil gamil djamil jameel',
  'faisal faysal feisal faycal faisel',
  'yasin yaseen yassin yassine',
  'hamza hamzah hamzeh',
  'tariq tarek tarik tareq tarik',
  'zakaria zakariya zakariyya zakariyah zakaria zakariyya',
  'nasrallah nasrullah nasrollah',
  'hezbollah hizballah hizbullah hizbollah hezbolla hizbulah',
  'qaeda qaida qaeda qaidah',
  'taliban taleban',
  'hamas hammas',
  'reza riza rida redha',
  'mehdi mahdi',
  'abbas abas',
  'karim kareem',
  'rahim raheem',
  'rahman rehman rahmane',
  'nasser nasir naser nassir',
  'ayman aiman',
  'anwar anouar anuar',
  'rami ramy',
  'yasser yasir yaser',
  'mansour mansur mansoor',
  'sharif sherif cherif shareef',
  'bashir basheer bachir',
  'salah saleh salih',
  'shahid shaheed',
  'ismail ismael esmail',
  'yaqub yakub yacoub yaqoob jakub',
  'musa moussa mousa',
  'isa eisa issa',
  'idris idriss edris',
  'hadi hady',
  'zaid zayd zeid',
  'fatima fatimah fatma fatemeh',
  'aisha aisha ayesha aicha',
  'khadija khadijah khadidja',
  'maryam mariam meryem',
  'zainab zaynab zeinab',
  'khamenei khamenehi khamanei',
  'velayati valayati',
  'nouri nuri',
  'qadhafi gaddafi qaddafi kadhafi gadhafi kaddafi qadhdhafi gadafi',
  'laden ladin',
  // Slavic given names
  'sergey sergei serguei sergej sergejs serhiy serhii sergiy siarhei sergii',
  'aleksandr alexander aleksander oleksandr olexandr alexandr aliaksandr alyaksandr aleksandar alexandre alexandru',
  'george georgios giorgos georgiy georgy georgi georg',
  'aleksey alexey alexei aleksei oleksiy oleksii aliaksei',
  'vladimir volodymyr wladimir uladzimir volodimir',
  'dmitry dmitri dmitriy dmytro dzmitry dmitrii',
  'yevgeny evgeny evgeniy yevgeniy evgenii yevhen evgenij',
  'nikolai nikolay mykola nicolai nikolaj mikalai',
  'yuri yury yuriy iurii yurii jurij',
  'andrei andrey andriy andrii andrej',
  'viktor victor wiktor',
  'igor ihor',
  'pavel pavlo pawel',
  'petr pyotr petro piotr',
  'maksim maxim maksym',
  'konstantin kostiantyn konstantyn',
  'vyacheslav viacheslav',
  'anatoly anatoliy anatolii anatolij',
  'arkady arkadiy arkadii arkadij',
  'grigory grigoriy hryhoriy grigorii',
  'mikhail mykhailo michail mikhael',
  'valery valeriy valerii',
  'vasily vasiliy vasyl vasilii',
  'yekaterina ekaterina katerina kateryna',
  'tatiana tatyana tetiana',
  'natalia natalya nataliya',
  'yelena elena olena',
  'yulia yuliya julia iuliia',
  'zelensky zelenskyy zelenskiy zelenskii',
  // Words of organisation names, across the languages the lists write them in
  'national melli milli natsionalnyy natsionalnyi nacional nationale nazionale',
  'russia rossii rossiya rossiyskiy rossiiskii russian',
  'international internacional internationale mezhdunarodnyy',
  'airlines airline airways air',
  'bank banka banco bankasi banque',
  'industries industry industrial sanaye sanayi',
  'trading tejarat tijara',
  'oil neft naft',
  'group grupo gruppa gruppe groupe',
];

const NICKNAMES: Record<string, string[]> = {
  bill: ['william'],
  billy: ['william'],
  will: ['william'],
  willy: ['william'],
  liam: ['william'],
  bob: ['robert'],
  bobby: ['robert'],
  rob: ['robert'],
  robbie: ['robert'],
  bert: ['robert', 'albert', 'herbert'],
  dick: ['richard'],
  rick: ['richard', 'frederick'],
  rich: ['richard'],
  richie: ['richard'],
  jim: ['james'],
  jimmy: ['james'],
  jamie: ['james'],
  mike: ['michael'],
  mick: ['michael'],
  mickey: ['michael'],
  tom: ['thomas'],
  tommy: ['thomas'],
  tony: ['anthony', 'antonio'],
  joe: ['joseph'],
  joey: ['joseph'],
  jack: ['john'],
  johnny: ['john'],
  jon: ['john', 'jonathan'],
  ben: ['benjamin'],
  benny: ['benjamin'],
  bibi: ['benjamin'],
  dan: ['daniel'],
  danny: ['daniel'],
  dave: ['david'],
  davey: ['david'],
  ed: ['edward', 'edwin'],
  eddie: ['edward'],
  ted: ['edward', 'theodore'],
  ned: ['edward'],
  fred: ['frederick', 'alfred', 'frederik'],
  freddie: ['frederick', 'alfred'],
  greg: ['gregory'],
  harry: ['henry', 'harold'],
  hank: ['henry'],
  jeff: ['jeffrey', 'geoffrey'],
  jerry: ['gerald', 'jeremy'],
  ken: ['kenneth'],
  larry: ['lawrence'],
  matt: ['matthew'],
  nick: ['nicholas', 'nikolai'],
  pat: ['patrick', 'patricia'],
  pete: ['peter'],
  phil: ['philip', 'phillip'],
  ron: ['ronald'],
  sam: ['samuel', 'samantha'],
  steve: ['steven', 'stephen'],
  tim: ['timothy'],
  alex: ['alexander', 'alexandra', 'aleksandr'],
  andy: ['andrew'],
  chris: ['christopher', 'christian', 'christina'],
  liz: ['elizabeth'],
  beth: ['elizabeth'],
  betty: ['elizabeth'],
  kate: ['katherine', 'catherine'],
  katie: ['katherine', 'catherine'],
  maggie: ['margaret'],
  peggy: ['margaret'],
  meg: ['margaret'],
  sue: ['susan'],
  jenny: ['jennifer'],
  vova: ['vladimir'],
  volodya: ['vladimir'],
  sasha: ['aleksandr', 'alexander'],
  misha: ['mikhail'],
  kolya: ['nikolai'],
  dima: ['dmitry'],
  seryozha: ['sergey'],
  zhenya: ['yevgeny'],
  lyosha: ['aleksey'],
  pasha: ['pavel'],
  petya: ['petr'],
  vanya: ['ivan'],
  kostya: ['konstantin'],
  slava: ['vyacheslav'],
  tolya: ['anatoly'],
  tolik: ['anatoly'],
  borya: ['boris'],
  vitya: ['viktor'],
  yura: ['yuri'],
  grisha: ['grigory'],
  valera: ['valery'],
  vasya: ['vasily'],
  arkasha: ['arkady'],
  lyonya: ['leonid'],
  fedya: ['fyodor', 'fedor'],
  styopa: ['stepan'],
  masha: ['maria', 'mariya'],
  katya: ['yekaterina'],
  nastya: ['anastasia', 'anastasiya'],
  tanya: ['tatiana'],
  olya: ['olga'],
  natasha: ['natalia'],
  sveta: ['svetlana'],
  lena: ['yelena'],
  lyuda: ['lyudmila', 'ludmila'],
  galya: ['galina'],
  nadya: ['nadezhda'],
  anya: ['anna'],
  yulya: ['yulia'],
  // More English short forms.
  charlie: ['charles'],
  chuck: ['charles'],
  don: ['donald'],
  donny: ['donald'],
  doug: ['douglas'],
  gene: ['eugene'],
  jake: ['jacob'],
  josh: ['joshua'],
  nate: ['nathan', 'nathaniel'],
  ray: ['raymond'],
  stan: ['stanley'],
  walt: ['walter'],
  hal: ['harold', 'henry'],
  lou: ['louis'],
  randy: ['randall', 'randolph'],
  terry: ['terence', 'theresa'],
  zack: ['zachary'],
  barry: ['barack', 'bernard'],
  kathy: ['katherine', 'kathleen'],
  cathy: ['catherine'],
  debbie: ['deborah'],
  becky: ['rebecca'],
  cindy: ['cynthia'],
  abby: ['abigail'],
  vicky: ['victoria'],
  trish: ['patricia'],
  // Spanish hypocoristics, common in cartel and Latin American political names.
  pepe: ['jose'],
  chema: ['jose'],
  paco: ['francisco'],
  pancho: ['francisco'],
  nacho: ['ignacio'],
  chucho: ['jesus'],
  chuy: ['jesus'],
  memo: ['guillermo'],
  beto: ['alberto', 'roberto', 'humberto'],
  quique: ['enrique'],
  lalo: ['eduardo'],
  manolo: ['manuel'],
  lupe: ['guadalupe'],
  toni: ['antonio'],
  lola: ['dolores'],
  concha: ['concepcion'],
  conchita: ['concepcion'],
  chelo: ['consuelo'],
  charo: ['rosario'],
  rafa: ['rafael'],
  fito: ['adolfo'],
  poncho: ['alfonso'],
  chente: ['vicente'],
  chava: ['salvador'],
  nando: ['fernando'],
  lencho: ['lorenzo'],
  goyo: ['gregorio'],
  chepe: ['jose'],
  santi: ['santiago'],
};

const groupsOf = new Map<string, number[]>();
GROUPS.forEach((line, id) => {
  for (const w of line.split(' ')) {
    const list = groupsOf.get(w) ?? [];
    if (!list.includes(id)) list.push(id);
    groupsOf.set(w, list);
  }
});

/** Ids of the variant groups a token belongs to (empty when it is in none). */
export function variantGroups(token: string): readonly number[] {
  return groupsOf.get(token) ?? [];
}

/** Whether two tokens are listed spellings of the same name. */
export function areVariants(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** Every listed spelling of a name: the words of its variant groups, or the name alone. */
function spellingsOf(name: string): string[] {
  const ids = groupsOf.get(name);
  if (!ids) return [name];
  const out = new Set<string>();
  for (const id of ids) for (const w of GROUPS[id]!.split(' ')) out.add(w);
  return [...out];
}

/**
 * Nickname partners both ways (a Map: no prototype keys such as "constructor", no key strings
 * built). A nickname reaches every spelling of its name: Dima is Dmitry, Dmitriy and Dmytro.
 */
const NICKNAME_PARTNERS = new Map<string, Set<string>>();
for (const [nick, names] of Object.entries(NICKNAMES)) {
  for (const n of names.flatMap(spellingsOf)) {
    for (const [a, b] of [
      [nick, n],
      [n, nick],
    ] as const) {
      let partners = NICKNAME_PARTNERS.get(a);
      if (!partners) NICKNAME_PARTNERS.set(a, (partners = new Set()));
      partners.add(b);
    }
  }
}

/** Whether one token is a listed nickname of the other. */
export function isNickname(a: string, b: string): boolean {
  return NICKNAME_PARTNERS.get(a)?.has(b) ?? false;
}

/**
 * Tokens that are recognisably Arabic or Persian names: their Latin vowels are unreliable, so a
 * name containing one may be compared with vowels ignored.
 */
export function isArabicName(token: string): boolean {
  const g = groupsOf.get(token);
  return g !== undefined && g.some((id) => id < ARABIC_GROUP_COUNT);
}

const ARABIC_GROUP_COUNT = GROUPS.findIndex((l) => l.startsWith('sergey'));
