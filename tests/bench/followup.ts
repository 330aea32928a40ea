// The follow-up material of the benchmark report: the recommendations the country received in the
// previous cycle (numbered as the Working Group report numbers them, "115.1" to "118.120", from many
// States, supported or noted, with clusters, themes, groups and SDGs) and the consultation inputs
// received for this report (submissions of civil society, notes of UN agencies, the NHRI's input,
// minutes of consultations), with summaries, some full texts and dispositions. Written cell by cell
// through the change log, as the services write them, so that thousands take a second.
import { IMPLEMENTATION_STATUSES, INPUT_DISPOSITIONS, type InputChannel, type Member, type OrganizationKind } from '../../shared/domain.js';
import type { Block, Run } from '../../electron/docs/blocks.js';
import type { ServiceContext } from '../../electron/services/context.js';
import { recommendationId } from '../../electron/services/recommendations.js';
import type { Change } from '../../electron/sync/changes.js';
import { isoDay } from './history.js';
import { sectionText, type Prng, type Theme } from './prose.js';

export interface FollowUpOptions {
  recommendations: number;
  inputs: number;
}

/** The paragraphs of the Working Group report that list recommendations, and how many each lists in a full list. */
const PARAGRAPHS: Array<[number, number]> = [
  [115, 100],
  [116, 90],
  [117, 90],
  [118, 120],
];

const STATES = [
  'Albania', 'Algeria', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Bahrain', 'Belgium', 'Bolivia (Plurinational State of)',
  'Botswana', 'Brazil', 'Canada', 'Chile', 'China', 'Colombia', 'Costa Rica', 'Côte d’Ivoire', 'Cuba', 'Cyprus', 'Czechia', 'Ecuador',
  'Egypt', 'Estonia', 'Fiji', 'Finland', 'France', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Holy See', 'Iceland', 'India', 'Indonesia',
  'Iran (Islamic Republic of)', 'Iraq', 'Ireland', 'Italy', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Lebanon', 'Lithuania', 'Luxembourg',
  'Malaysia', 'Maldives', 'Mexico', 'Montenegro', 'Morocco', 'Namibia', 'Nepal', 'Netherlands (Kingdom of the)', 'New Zealand', 'Norway',
  'Pakistan', 'Panama', 'Paraguay', 'Peru', 'Philippines', 'Portugal', 'Qatar', 'Republic of Korea', 'Republic of Moldova',
  'Russian Federation', 'Senegal', 'Sierra Leone', 'Slovenia', 'South Africa', 'Spain', 'Sri Lanka', 'State of Palestine', 'Sweden',
  'Switzerland', 'Timor-Leste', 'Togo', 'Tunisia', 'Türkiye', 'Ukraine', 'United Kingdom of Great Britain and Northern Ireland',
  'United States of America', 'Uruguay', 'Venezuela (Bolivarian Republic of)', 'Viet Nam', 'Zambia',
];

/** What a recommendation asks, by theme: the object of its verb. */
const ASKS: Record<Theme, string[]> = {
  justice: [
    'the independence of the judiciary and the efficiency of the courts',
    'alternatives to pretrial detention and the reduction of its length',
    'conditions of detention in line with the Nelson Mandela Rules',
    'access to free legal aid for all persons in need',
    'the prompt and impartial investigation of allegations of ill-treatment by the police',
  ],
  equality: [
    'a comprehensive law against discrimination on all grounds',
    'the equal participation of women in political and public life',
    'measures to close the gender pay gap',
    'the social inclusion of Roma, in particular in education and housing',
    'the fight against hate speech and racially motivated crimes',
  ],
  violence: [
    'the prevention of domestic violence and the protection of its victims',
    'shelters and support services for victims of gender-based violence',
    'the full implementation of the Istanbul Convention',
    'the training of police officers and judges on violence against women',
  ],
  children: [
    'the deinstitutionalization of children and family-based care',
    'the prohibition of corporal punishment in all settings',
    'birth registration for all children, including in remote areas',
    'a juvenile justice system in line with the Convention on the Rights of the Child',
  ],
  education: [
    'inclusive education for children with disabilities',
    'access to quality education for Roma children and children in rural areas',
    'human rights education in the school curricula',
    'the reduction of early school leaving',
  ],
  health: [
    'universal health coverage and access to primary health care',
    'mental health services in the community',
    'access to sexual and reproductive health services',
    'the reduction of maternal and infant mortality',
  ],
  work: [
    'a minimum wage that ensures a decent standard of living',
    'the reduction of poverty and social exclusion',
    'labour inspections and the protection of workers in the informal economy',
    'pension coverage and social protection for older persons',
  ],
  migration: [
    'the protection of the rights of migrants, refugees and asylum seekers',
    'alternatives to the immigration detention of children',
    'the identification and protection of victims of trafficking in persons',
    'fair and efficient asylum procedures with access to legal aid',
  ],
  freedoms: [
    'a safe environment for journalists and human rights defenders',
    'the decriminalization of defamation',
    'the right to peaceful assembly and freedom of association',
    'the independence and pluralism of the media',
  ],
  disability: [
    'supported decision-making in place of guardianship',
    'the accessibility of public buildings, transport and information',
    'the employment of persons with disabilities in the open labour market',
    'independent living and inclusion in the community',
  ],
  environment: [
    'a human rights-based approach to climate change adaptation',
    'access to safe drinking water and sanitation for all',
    'the participation of affected communities in environmental decisions',
    'due diligence of business enterprises on human rights and the environment',
  ],
};

const VERBS = [
  'Continue its efforts to ensure',
  'Take further measures to guarantee',
  'Strengthen',
  'Adopt measures to promote',
  'Step up efforts to ensure',
  'Allocate sufficient resources to',
  'Consider measures to improve',
  'Ensure',
  'Redouble its efforts to secure',
];

const TREATIES = [
  'Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights',
  'Consider ratifying the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families',
  'Ratify the International Convention for the Protection of All Persons from Enforced Disappearance',
  'Accede to the Convention on the Reduction of Statelessness',
  'Ratify ILO Convention No. 189 on domestic workers',
  'Consider ratifying the Optional Protocol to the Convention on the Rights of the Child on a communications procedure',
];

const TAILS = [
  ', in line with the Paris Principles',
  ', in particular in rural areas',
  ', including through awareness-raising campaigns',
  ', in consultation with civil society',
  ', with a dedicated budget',
  ', as recommended by the treaty bodies',
  '',
  '',
  '',
];

/** UHRI-like themes, clusters, groups and SDGs per theme of the generator's prose. */
const CLASSIFICATION: Record<Theme, { cluster: string; themes: string[]; groups: string[]; sdgs: number[] }> = {
  justice: { cluster: 'Administration of justice & fair trial', themes: ['D51 Administration of justice & fair trial', 'D26 Conditions of detention'], groups: ['Persons deprived of their liberty'], sdgs: [16] },
  equality: { cluster: 'Equality & non-discrimination', themes: ['B31 Equality & non-discrimination', 'F12 Discrimination against women'], groups: ['Women & girls', 'Minorities / racial, ethnic, linguistic, religious or descent-based groups'], sdgs: [5, 10] },
  violence: { cluster: 'Violence against women', themes: ['F13 Violence against women', 'D29 Domestic violence'], groups: ['Women & girls'], sdgs: [5, 16] },
  children: { cluster: 'Rights of the child', themes: ['F31 Children: definition; general principles; protection', 'F33 Children: protection against exploitation'], groups: ['Children'], sdgs: [4, 16] },
  education: { cluster: 'Right to education', themes: ['E51 Right to education - General', 'A63 Human rights education & training'], groups: ['Children', 'Roma'], sdgs: [4] },
  health: { cluster: 'Right to health', themes: ['E41 Right to health - General', 'E43 Access to sexual & reproductive health services'], groups: ['Women & girls'], sdgs: [3] },
  work: { cluster: 'Economic, social & cultural rights', themes: ['E31 Right to work', 'E21 Right to an adequate standard of living'], groups: ['Persons living in poverty', 'Older persons'], sdgs: [1, 8] },
  migration: { cluster: 'Migrants, refugees & asylum seekers', themes: ['G4 Migrants', 'G5 Refugees & asylum seekers', 'D27 Prohibition of slavery, trafficking'], groups: ['Migrants', 'Refugees & asylum seekers'], sdgs: [10, 16] },
  freedoms: { cluster: 'Civil & political rights', themes: ['D43 Freedom of opinion and expression', 'H1 Human rights defenders'], groups: ['Human rights defenders', 'Media'], sdgs: [16] },
  disability: { cluster: 'Persons with disabilities', themes: ['F4 Persons with disabilities'], groups: ['Persons with disabilities'], sdgs: [10] },
  environment: { cluster: 'Human rights & the environment', themes: ['B8 Human rights & climate change', 'E26 Right to water & sanitation'], groups: ['Persons living in rural areas'], sdgs: [6, 13] },
};

const THEMES = Object.keys(ASKS) as Theme[];

/** Who sends consultation inputs, and the registered organization (by kind) they come through. */
const SUBMITTERS: Array<{ name: string; kind: OrganizationKind; theme?: Theme }> = [
  { name: 'Veridian Helsinki Committee', kind: 'civil_society', theme: 'justice' },
  { name: 'Women’s Rights Centre', kind: 'civil_society', theme: 'violence' },
  { name: 'Coalition for the Rights of the Child', kind: 'civil_society', theme: 'children' },
  { name: 'Roma Education Fund Veridia', kind: 'civil_society', theme: 'education' },
  { name: 'Association of Persons with Disabilities', kind: 'civil_society', theme: 'disability' },
  { name: 'Union of Journalists', kind: 'civil_society', theme: 'freedoms' },
  { name: 'Legal Aid Network', kind: 'civil_society', theme: 'justice' },
  { name: 'Refugee Support Network', kind: 'civil_society', theme: 'migration' },
  { name: 'Older Persons’ Forum', kind: 'civil_society', theme: 'work' },
  { name: 'Green Action Veridia', kind: 'civil_society', theme: 'environment' },
  { name: 'Equal Rights Association', kind: 'civil_society', theme: 'equality' },
  { name: 'Confederation of Trade Unions', kind: 'civil_society', theme: 'work' },
  { name: 'UNICEF country office', kind: 'un_entity', theme: 'children' },
  { name: 'UNHCR', kind: 'un_entity', theme: 'migration' },
  { name: 'UN Women', kind: 'un_entity', theme: 'equality' },
  { name: 'WHO country office', kind: 'un_entity', theme: 'health' },
  { name: 'ILO', kind: 'un_entity', theme: 'work' },
  { name: 'IOM', kind: 'un_entity', theme: 'migration' },
  { name: 'National Human Rights Commission', kind: 'nhri' },
  { name: 'Office of the Ombudsperson', kind: 'nhri' },
];

const INPUT_KINDS: Array<{ channel: InputChannel; title: (who: string, about: string) => string }> = [
  { channel: 'written_submission', title: (who, about) => `${who}: written submission on ${about}` },
  { channel: 'written_submission', title: (who, about) => `Joint submission led by ${who} on ${about}` },
  { channel: 'public_consultation', title: (who, about) => `Minutes of the public consultation on ${about} (${who} presenting)` },
  { channel: 'meeting', title: (who, about) => `Meeting with ${who} on ${about}` },
  { channel: 'email', title: (who, about) => `${who}: comments on the draft chapter on ${about}` },
  { channel: 'online_form', title: (_who, about) => `Online consultation: contribution on ${about}` },
];

const ABOUT: Record<Theme, string> = {
  justice: 'access to justice and detention',
  equality: 'equality and non-discrimination',
  violence: 'violence against women',
  children: 'the rights of the child',
  education: 'the right to education',
  health: 'the right to health',
  work: 'social protection and work',
  migration: 'migrants, refugees and trafficking',
  freedoms: 'civic space and media freedom',
  disability: 'the rights of persons with disabilities',
  environment: 'climate change and the environment',
};

const RATIONALES = [
  'Reflected in section C; the figures are in the annex.',
  'Partly reflected: the word limit allows only the main measures.',
  'Not reflected: the measure falls outside the reporting period.',
  'Reflected in the chapter on follow-up to the previous review.',
];

/** Plain text of generated blocks, paragraphs separated by blank lines. */
function plainOf(blocks: Block[]): string {
  const runs = (p: Run[] | string) => (typeof p === 'string' ? p : p.map((r) => (typeof r === 'string' ? r : 'text' in r ? r.text : '')).join(''));
  return blocks
    .map((b) => ('p' in b ? runs(b.p) : 'h' in b ? b.h : 'ul' in b ? b.ul.join('\n') : 'ol' in b ? b.ol.join('\n') : b.table.map((r) => r.join('\t')).join('\n')))
    .join('\n\n');
}

/** "115.1" ... "118.120" for a full list; a shorter list takes the same share from each paragraph. */
function numbers(count: number): string[] {
  const full = PARAGRAPHS.reduce((n, [, items]) => n + items, 0);
  const out: string[] = [];
  PARAGRAPHS.forEach(([paragraph, items], i) => {
    const take = i === PARAGRAPHS.length - 1 ? count - out.length : Math.round((items * count) / full);
    for (let item = 1; item <= take; item++) out.push(`${paragraph}.${item}`);
  });
  return out;
}

/** Adds the recommendations and consultation inputs to the report of `ctx` (acting as the secretariat). */
export function writeFollowUp(ctx: ServiceContext, rng: Prng, members: Member[], organizations: Array<{ id: string; kind: OrganizationKind }>, opts: FollowUpOptions): void {
  const me = ctx.me!;
  const batch: Array<{ author: string; changes: Change[] }> = [];
  const responsible = organizations.filter((o) => o.kind === 'ministry' || o.kind === 'agency');

  for (const number of numbers(opts.recommendations)) {
    const theme = rng.pick(THEMES);
    const c = CLASSIFICATION[theme];
    const text = rng.chance(0.08) ? `${rng.pick(TREATIES)}.` : `${rng.pick(VERBS)} ${rng.pick(ASKS[theme])}${rng.pick(TAILS)}.`;
    const states = [rng.pick(STATES)];
    while (rng.chance(0.12)) states.push(rng.pick(STATES));
    const id = recommendationId(number);
    const cell = (column: string, value: string | number | null): Change => ({ table: 'recommendations', row: id, column, value });
    const supported = rng.chance(0.75);
    batch.push({
      author: me.id,
      changes: [
        cell('number', number),
        cell('text', text),
        cell('states', JSON.stringify([...new Set(states)])),
        cell('position', supported ? 'supported' : 'noted'),
        cell('position_source', supported ? '' : 'A/HRC/43/15/Add.1 - Para.5'),
        cell('cluster', c.cluster),
        cell('themes', JSON.stringify(c.themes.slice(0, rng.int(1, c.themes.length)))),
        cell('groups', JSON.stringify(c.groups)),
        cell('sdgs', JSON.stringify(c.sdgs)),
        cell('source', 'Thematic list of recommendations (A/HRC/43/15).docx'),
        cell('implementation_status', supported ? rng.pick(IMPLEMENTATION_STATUSES) : 'not_applicable'),
        cell('deleted', 0),
        ...(supported && responsible.length && rng.chance(0.7) ? [cell('responsible_organization_id', rng.pick(responsible).id)] : []),
      ],
    });
  }

  const byKind = (kind: OrganizationKind) => organizations.find((o) => o.kind === kind)?.id ?? null;
  const deciders = members.filter((m) => m.role === 'secretariat');
  for (let i = 0; i < opts.inputs; i++) {
    const who = rng.pick(SUBMITTERS);
    const theme = who.theme ?? rng.pick(THEMES);
    const kind = rng.pick(INPUT_KINDS);
    const id = `bench-in${i}`;
    const cell = (column: string, value: string | number | null): Change => ({ table: 'inputs', row: id, column, value });
    const received = isoDay(rng.int(-200, -20));
    const changes: Change[] = [
      cell('title', kind.title(who.name, ABOUT[theme])),
      cell('source_organization_id', byKind(who.kind)),
      cell('received_on', received),
      cell('channel', kind.channel),
      cell('summary', plainOf(sectionText(rng, { words: rng.int(30, 90), theme }))),
      cell('full_text', rng.chance(0.3) ? plainOf(sectionText(rng, { words: rng.int(150, 600), theme })) : ''),
      cell('themes', JSON.stringify(CLASSIFICATION[theme].themes.slice(0, rng.int(1, 2)))),
      cell('created_at', `${received}T09:00:00.000Z`),
      cell('deleted', 0),
    ];
    if (rng.chance(0.5)) {
      const disposition = rng.pick(INPUT_DISPOSITIONS);
      changes.push(
        cell('disposition', disposition),
        cell('rationale', rng.pick(RATIONALES)),
        cell('decided_by', rng.pick(deciders.length ? deciders : [me]).id),
        cell('decided_at', `${isoDay(rng.int(-15, 0))}T15:00:00.000Z`),
      );
    }
    batch.push({ author: me.id, changes });
  }
  ctx.report.db.transaction(() => {
    for (const edit of batch) ctx.report.write(edit.author, edit.changes);
  })();
}
