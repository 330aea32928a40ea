// Text that reads like a UPR national report, made from phrase templates and a seeded PRNG, so the
// benchmark report is the same every time. Word counts are exact: a section asked for 412 words
// gets 412 words as the app counts them (headings, list items and table cells count; footnotes
// do not, as under decision 17/119).
import type { Block, Run } from '../../electron/docs/blocks.js';
import { countWords } from '../../shared/words.js';

/** mulberry32: tiny, fast and good enough to pick phrases. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type Theme = keyof typeof THEME_OBJECTS;

const OPENERS = [
  'During the reporting period,',
  'Since the previous review,',
  'In line with its voluntary commitments,',
  'Following broad consultations with civil society,',
  'In 2022,',
  'In 2023,',
  'As a matter of priority,',
  'With the support of development partners,',
  'Building on the achievements of the previous cycle,',
  'Within the framework of the National Human Rights Action Plan,',
  'In cooperation with the National Human Rights Commission,',
  'Despite the constraints imposed by the pandemic,',
];

const SUBJECTS = [
  'the Government',
  'the Ministry of Justice',
  'the Ministry of Labour and Social Affairs',
  'the Ministry of Education',
  'the Ministry of Health',
  'the Ministry of the Interior',
  'Parliament',
  'the National Human Rights Commission',
  'the Office of the Ombudsperson',
  'the Inter-Ministerial Committee on Human Rights',
  'the National Statistics Office',
  'local authorities',
  'the Supreme Court',
];

const VERBS = [
  'adopted',
  'launched',
  'strengthened',
  'continued to implement',
  'allocated additional resources to',
  'reviewed',
  'expanded',
  'established',
  'took steps to improve',
  'completed the evaluation of',
  'prepared',
  'invested in',
];

const GENERAL_OBJECTS = [
  'the National Human Rights Action Plan (2021–2025)',
  'a national mechanism for implementation, reporting and follow-up',
  'a database tracking the implementation of recommendations',
  'training programmes for judges, prosecutors and police officers',
  'awareness-raising campaigns in the regions',
  'the collection of data disaggregated by sex, age and disability',
  'the capacity of local human rights offices',
  'cooperation with the United Nations country team',
  'the standing invitation to special procedures mandate holders',
  'the national strategy for sustainable development',
];

const THEME_OBJECTS = {
  justice: [
    'the Law on Free Legal Aid',
    'a reform of the Criminal Procedure Code',
    'alternatives to pretrial detention',
    'the independence of the judiciary',
    'the case management system of the courts',
    'conditions of detention in prisons',
  ],
  equality: [
    'the Law on Equality and Protection against Discrimination',
    'the Gender Equality Strategy',
    'measures to close the gender pay gap',
    'quotas for the participation of women in public life',
    'a national action plan against racism and xenophobia',
    'the office of the Commissioner for Equality',
  ],
  violence: [
    'a national strategy for the prevention of domestic violence',
    'shelters for victims of gender-based violence',
    'a free 24-hour helpline for victims',
    'protocols for the police response to domestic violence',
    'the ratification of the Istanbul Convention',
    'specialized units for the investigation of sexual violence',
  ],
  children: [
    'the National Strategy for the Rights of the Child',
    'the deinstitutionalization of children in residential care',
    'birth registration in remote areas',
    'measures against child labour',
    'juvenile justice in line with international standards',
    'child-friendly complaint mechanisms',
  ],
  education: [
    'free and compulsory primary education',
    'inclusive education for children with disabilities',
    'human rights education in the school curriculum',
    'pre-school enrolment in rural areas',
    'scholarships for Roma students',
    'the training of teachers in inclusive methods',
  ],
  health: [
    'universal health coverage',
    'primary health care in rural areas',
    'mental health services in the community',
    'maternal and neonatal health services',
    'access to sexual and reproductive health services',
    'the national immunization programme',
  ],
  work: [
    'the minimum wage',
    'the social assistance scheme',
    'labour inspections in agriculture and construction',
    'measures to reduce informal employment',
    'active labour market programmes for young people',
    'pension coverage for older persons',
  ],
  migration: [
    'the Law on Asylum and Temporary Protection',
    'reception conditions for asylum seekers',
    'the integration of refugees into the labour market',
    'procedures to identify victims of trafficking',
    'alternatives to the immigration detention of children',
    'the national referral mechanism for victims of trafficking',
  ],
  freedoms: [
    'the Law on Access to Information',
    'the protection of journalists and media workers',
    'the decriminalization of defamation',
    'the registration of associations',
    'the right to peaceful assembly',
    'the protection of human rights defenders',
  ],
  disability: [
    'the Law on Persons with Disabilities',
    'the accessibility of public buildings and transport',
    'supported decision-making in place of guardianship',
    'the employment of persons with disabilities',
    'sign language interpretation in public services',
    'independent living in the community',
  ],
  environment: [
    'the National Adaptation Plan on climate change',
    'access to safe drinking water and sanitation',
    'disaster risk reduction in vulnerable communities',
    'environmental impact assessments with public participation',
    'the just transition of coal-mining regions',
    'air quality monitoring in urban areas',
  ],
} as const;

const TAILS = [
  ', with a view to ensuring equal access for all',
  ', in cooperation with UNICEF and UNDP',
  ', which was developed in consultation with civil society organizations',
  ', with particular attention to persons in vulnerable situations',
  ', in accordance with the recommendations of the treaty bodies',
  ' across all regions of the country',
  ', with a dedicated budget line',
  ', as requested by the National Human Rights Commission',
  '',
  '',
];

const REPORTING_BODIES = [
  'The Committee on the Elimination of Discrimination against Women',
  'The Committee on the Rights of the Child',
  'The Special Rapporteur on the right to education',
  'The National Human Rights Commission',
  'The Ombudsperson',
  'The independent evaluation',
];

const FINDINGS = [
  'further efforts are needed to reach persons living in rural areas',
  'the new legislation is broadly in line with international standards',
  'the available data do not yet allow progress to be measured in full',
  'coordination between ministries has improved significantly',
  'the allocated resources remain insufficient to meet the needs identified',
  'awareness of the new remedies among the population remains low',
];

const INDICATORS = [
  'enrolment rate in pre-school education',
  'share of women in Parliament',
  'rate of birth registration',
  'share of households living below the poverty line',
  'coverage of the national health insurance',
  'share of court cases resolved within one year',
  'rate of youth unemployment',
];

const PURPOSES = [
  'to give effect to the recommendations accepted during the previous cycle',
  'to address the concerns raised by the treaty bodies',
  'to reduce regional disparities',
  'to ensure that no one is left behind',
  'to improve the quality and accessibility of public services',
];

const HEADINGS = [
  'Legislative measures',
  'Institutional measures',
  'Policies and programmes',
  'Access to justice and remedies',
  'Data collection and monitoring',
  'Awareness-raising and training',
  'Remaining challenges',
  'Cooperation with international and regional mechanisms',
  'Budget and resources',
  'Measures for persons in vulnerable situations',
];

const LIST_INTROS = [
  'The main measures taken include:',
  'The strategy sets out the following objectives:',
  'In particular, the Government:',
  'The following laws were adopted during the reporting period:',
];

export interface SectionTextOptions {
  words: number;
  theme: Theme;
  /** A long section: sub-headings, lists, footnotes and one table. */
  rich?: boolean;
}

const THEMES = Object.keys(THEME_OBJECTS) as Theme[];

/** The theme a section's title is about, for picking its vocabulary. */
export function themeOf(title: string, rng: Prng): Theme {
  const t = title.toLowerCase();
  const keys: Array<[RegExp, Theme]> = [
    [/justice|detention|torture|judic|police/, 'justice'],
    [/women|equal|discrimin|minorit|roma|racis/, 'equality'],
    [/violence/, 'violence'],
    [/child|youth/, 'children'],
    [/educat/, 'education'],
    [/health/, 'health'],
    [/work|labour|social|poverty|older/, 'work'],
    [/migra|refug|asylum|traffick/, 'migration'],
    [/expression|media|assembly|defender|civil society|freedom/, 'freedoms'],
    [/disabilit/, 'disability'],
    [/climate|environment|water|business/, 'environment'],
  ];
  for (const [re, theme] of keys) if (re.test(t)) return theme;
  return rng.pick(THEMES);
}

class ProseWriter {
  constructor(
    private readonly rng: Prng,
    private readonly theme: Theme,
  ) {}

  private object(): string {
    return this.rng.chance(0.6) ? this.rng.pick(THEME_OBJECTS[this.theme]) : this.rng.pick(GENERAL_OBJECTS);
  }

  private recommendation(): string {
    return `${this.rng.pick([115, 116, 117])}.${this.rng.int(1, 230)}`;
  }

  footnote(): string {
    const r = this.rng;
    return r.pick([
      () => `Official Gazette No. ${r.int(3, 98)}/${r.int(2019, 2024)}.`,
      () => `See A/HRC/${r.int(40, 55)}/${r.int(3, 18)}, paras. ${r.int(10, 60)}–${r.int(61, 90)}.`,
      () => `Law No. ${r.int(10, 250)}/${r.int(2019, 2024)}, article ${r.int(1, 40)}.`,
      () => `National Statistics Office, Labour Force Survey ${r.int(2019, 2024)}.`,
      () => `Recommendations ${this.recommendation()} and ${this.recommendation()}.`,
      () => `CRC/C/VRD/CO/${r.int(3, 6)}, para. ${r.int(5, 50)}.`,
    ])();
  }

  sentence(): string {
    const r = this.rng;
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    return r.pick([
      () => `${r.pick(OPENERS)} ${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${this.object()}${r.pick(TAILS)}.`,
      () => `${cap(r.pick(SUBJECTS))} ${r.pick(VERBS)} ${this.object()} ${r.pick(PURPOSES)}.`,
      () => {
        const from = r.int(20, 70);
        const rose = r.chance(0.7);
        const to = rose ? from + r.int(1, 15) : from - r.int(1, 12);
        return `Between ${r.int(2015, 2019)} and ${r.int(2022, 2024)}, the ${r.pick(INDICATORS)} ${rose ? 'rose' : 'fell'} from ${from} to ${to} per cent.`;
      },
      () => `In response to recommendations ${this.recommendation()} and ${this.recommendation()}, ${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${this.object()}.`,
      () => `${r.pick(REPORTING_BODIES)} noted that ${r.pick(FINDINGS)}.`,
      () => `A total of ${r.int(2, 90)} million euros was allocated in ${r.int(2020, 2024)} to ${this.object()}.`,
      () => `${cap(this.object())} ${r.pick(['remains a priority', 'was reviewed in', 'was extended in'])} ${r.int(2020, 2024)}.`,
    ])();
  }

  listItem(): string {
    return `${this.rng.pick(VERBS)} ${this.object()};`;
  }
}

/** Cuts a sentence down to `words` words, still ending with a full stop. */
function truncate(sentence: string, words: number): string {
  const tokens = sentence.split(' ');
  const kept: string[] = [];
  for (const token of tokens) {
    if (countWords(kept.join(' ')) >= words) break;
    kept.push(token);
  }
  while (countWords(kept.join(' ')) > words) kept.pop();
  return kept.join(' ').replace(/[,;:.]*$/, '.');
}

/** Blocks of report prose holding exactly `words` body words (when `words` is at least 1). */
export function sectionText(rng: Prng, { words, theme, rich = false }: SectionTextOptions): Block[] {
  const w = new ProseWriter(rng, theme);
  const blocks: Block[] = [];
  let left = words;
  const add = (block: Block, count: number) => {
    blocks.push(block);
    left -= count;
  };
  let sinceHeading = rich ? 600 : 0;
  let headings = rng.int(0, HEADINGS.length - 1);
  let tableDone = !rich;
  let footnotesLeft = rich ? 25 : rng.int(0, 2);
  while (left > 0) {
    if (rich && sinceHeading >= 500 && left > 300) {
      const heading = HEADINGS[headings++ % HEADINGS.length]!;
      add({ h: heading, level: 3 }, countWords(heading));
      sinceHeading = 0;
    }
    if (rich && !tableDone && words - left > words / 2 && left > 200) {
      const table = [['Indicator', '2019', '2021', '2023']];
      for (let i = 0; i < 5; i++) table.push([rng.pick(INDICATORS), ...[0, 1, 2].map(() => `${rng.int(10, 95)}`)]);
      add({ table }, table.flat().reduce((n, cell) => n + countWords(cell), 0));
      tableDone = true;
    }
    if ((rich ? rng.chance(0.1) : rng.chance(0.05)) && left > 150) {
      const intro = rng.pick(LIST_INTROS);
      const items = Array.from({ length: rng.int(3, 5) }, () => w.listItem());
      items[items.length - 1] = items[items.length - 1]!.replace(/;$/, '.');
      add({ p: intro }, countWords(intro));
      const kind = rng.chance(0.7) ? 'ul' : 'ol';
      add(kind === 'ul' ? { ul: items } : { ol: items }, items.reduce((n, s) => n + countWords(s), 0));
    }
    // A paragraph of 40 to 140 words, sentence by sentence; the last one may be cut short.
    const target = Math.min(left, rng.int(40, 140));
    const runs: Run[] = [];
    let inParagraph = 0;
    while (inParagraph < target) {
      let s = w.sentence();
      const n = countWords(s);
      if (inParagraph + n > left) s = truncate(s, left - inParagraph);
      runs.push(runs.length ? ` ${s}` : s);
      inParagraph += countWords(s);
      if (footnotesLeft > 0 && rng.chance(0.15)) {
        runs.push({ footnote: w.footnote() });
        footnotesLeft--;
      }
    }
    add({ p: runs }, inParagraph);
    sinceHeading += inParagraph;
  }
  return blocks;
}

/** Splits `total` into `parts` positive integers that vary around the mean and add up exactly. */
export function splitWords(rng: Prng, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.4 + rng.next() * 1.2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((x) => Math.max(1, Math.floor((x / sum) * total)));
  let diff = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % parts) {
    if (diff > 0) {
      out[i]!++;
      diff--;
    } else if (out[i]! > 1) {
      out[i]!--;
      diff++;
    }
  }
  return out;
}
