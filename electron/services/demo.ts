// The demo report a newcomer sees on first run of browser mode (and `upr demo FILE`): the 17/119
// outline, five offices, a few sections drafted with real-looking text, one reviewer and her first
// comments. The country is fictional.
import { $getRoot } from 'lexical';
import type { Member, Section } from '../../shared/domain.js';
import { bytesToBase64 } from '../../shared/base64.js';
import { markPassage } from '../docs/annotate.js';
import { createComment, decideComment, replyToComment, setCommentStatus } from './comments.js';
import { $appendBlocks, type Block } from '../docs/blocks.js';
import { editSection } from '../docs/headless.js';
import { textUpdates } from '../docs/section-text.js';
import { writeText } from '../sync/text-log.js';
import type { OpenReport } from '../store/open-report.js';
import { createReport } from './new-report.js';
import { createMember, createOrganization } from './people.js';
import { updateReport } from './report.js';
import { createSection, setSectionStatus, updateSection } from './sections.js';
import { listSections } from '../store/queries.js';
import type { ServiceContext } from './context.js';

const A_TEXT: Block[] = [
  {
    p: [
      'This report was prepared by the Inter-Ministerial Committee on Human Rights, coordinated by the Ministry of Foreign Affairs, in accordance with Human Rights Council resolution 16/21 and decision 17/119 and the general guidelines for the preparation of information under the universal periodic review.',
      { footnote: 'A/HRC/DEC/17/119, annex, section I.' },
    ],
  },
  {
    p: [
      'The Committee brought together focal points of eleven ministries and the National Statistics Office. Each ministry drafted the parts of the report within its competence, which the secretariat then consolidated. The draft was reviewed by the ',
      { text: 'National Human Rights Commission', italic: true },
      ', whose comments are reflected throughout.',
    ],
  },
  {
    p: 'Three public consultations with civil society were held in the capital and in two regions between February and April. Written submissions were also invited through the Ministry’s website.',
  },
  {
    table: [
      ['Consultation', 'Date', 'Participants'],
      ['National consultation, capital', '14 February', '62 organizations'],
      ['Northern region', '11 March', '27 organizations'],
      ['Southern region', '8 April', '31 organizations'],
    ],
  },
  {
    p: [
      'The Government ',
      { text: 'thanks', bold: true },
      ' all participants for their contributions. Inputs received and how they were reflected are listed in the annex.',
    ],
  },
];

const B_TEXT: Block[] = [
  { h: 'Constitutional and legislative framework', level: 3 },
  {
    p: [
      'Since the previous review, Parliament adopted the Law on Equality and Protection against Discrimination, which prohibits discrimination on grounds including sex, sexual orientation, gender identity, disability, age and ethnic origin, and shifts the burden of proof in civil proceedings.',
      { footnote: 'Official Gazette No. 44/2023.' },
    ],
  },
  { p: 'Other legislative measures include:' },
  {
    ul: [
      'amendments to the Criminal Code criminalizing hate speech online and offline;',
      'the Law on Free Legal Aid, extending eligibility to asylum seekers and victims of trafficking;',
      'the Law on Persons with Disabilities, aligned with the Convention on the Rights of Persons with Disabilities.',
    ],
  },
];

const C_TEXT: Block[] = [
  {
    p: 'The minimum wage was raised twice during the reporting period and the social assistance scheme was reformed to reach an additional 18,000 households. A national strategy for the inclusion of Roma (2022–2030) was adopted with a dedicated budget line.',
  },
  {
    p: [
      'In response to recommendations on violence against women, the Government opened four new shelters and a free 24-hour helpline.',
      { footnote: 'Helpline 0800 100 200, operated by the Centre for Social Work.' },
    ],
  },
];

const E_TEXT: Block[] = [
  {
    p: 'Enrolment in pre-school education rose from 71 to 83 per cent. The Ministry of Education introduced human rights education in the primary curriculum in cooperation with UNICEF.',
  },
];

function isoDaysFromToday(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function createDemoReport(file: string): OpenReport {
  const { report, creator } = createReport({
    path: file,
    country: 'the Republic of Veridia',
    cycle: 4,
    language: 'en',
    yourName: 'Maria Santos',
    yourOrganization: 'Ministry of Foreign Affairs',
  });
  try {
    report.db.transaction(() => {
      populate({ report, me: creator });
      // Everyone in the demo acted on this one machine: the secretariat confirms their keys, as it
      // would after checking each fingerprint with its owner.
      const keys = report.db.prepare('SELECT id FROM member_keys WHERE confirmed = 0').pluck().all() as string[];
      if (keys.length) report.write(creator.id, keys.map((k) => ({ table: 'member_keys' as const, row: k, column: 'confirmed', value: 1 })));
    }).immediate();
    return report;
  } catch (e) {
    report.close();
    throw e;
  }
}

function populate(ctx: ServiceContext): void {
  updateReport(ctx, { deadline: isoDaysFromToday(75) });
  const mfa = ctx.me!.organizationId;
  const justice = createOrganization(ctx, { name: 'Ministry of Justice', kind: 'ministry' }).id;
  const social = createOrganization(ctx, { name: 'Ministry of Labour and Social Affairs', kind: 'ministry' }).id;
  const education = createOrganization(ctx, { name: 'Ministry of Education', kind: 'ministry' }).id;
  const nhri = createOrganization(ctx, { name: 'National Human Rights Commission', kind: 'nhri' }).id;
  const david = createMember(ctx, { name: 'David Okafor', organizationId: justice, role: 'drafter' });
  const leila = createMember(ctx, { name: 'Leila Haddad', organizationId: social, role: 'drafter' });
  createMember(ctx, { name: 'Tomás Ruiz', organizationId: education, role: 'drafter' });
  const ingrid = createMember(ctx, { name: 'Ingrid Larsen', organizationId: nhri, role: 'reviewer' });

  const [a, b, c, d, e, f, g] = listSections(ctx.report.db).sort((x, y) => (x.position < y.position ? -1 : 1)) as Section[];
  const plan: Array<[Section | undefined, string, number, number, 'not_started' | 'drafting' | 'ready_for_review']> = [
    [a, mfa, -3, 900, 'ready_for_review'],
    [b, justice, 10, 1800, 'drafting'],
    [c, social, -5, 3000, 'drafting'],
    [d, mfa, 20, 2000, 'not_started'],
    [e, education, 14, 1200, 'drafting'],
    [f, mfa, 30, 900, 'not_started'],
    [g, mfa, 30, 600, 'not_started'],
  ];
  for (const [section, lead, due, budget, status] of plan) {
    if (!section) continue;
    updateSection(ctx, { id: section.id, leadOrganizationId: lead, dueDate: isoDaysFromToday(due), wordBudget: budget });
    if (status !== 'not_started') setSectionStatus(ctx, { id: section.id, status });
  }
  // Drafted text goes into sub-sections and the sections that already have some.
  const withText = (parent: Section, title: string, blocks: Block[]) =>
    createSection(ctx, { title, parentId: parent.id }, blocks);
  if (a) writeFirstDraft(ctx, a.id, A_TEXT);
  if (b) {
    const b1 = withText(b, 'Normative framework', B_TEXT);
    const b2 = withText(b, 'Institutional framework', [
      {
        p: 'The mandate of the National Human Rights Commission was broadened in 2023 to include the national preventive mechanism under the Optional Protocol to the Convention against Torture.',
      },
    ]);
    for (const s of [b1, b2]) updateSection(ctx, { id: s.id, leadOrganizationId: justice, dueDate: isoDaysFromToday(10), wordBudget: 900 });
    setSectionStatus(ctx, { id: b1.id, status: 'drafting' });
  }
  if (c) writeFirstDraft(ctx, c.id, C_TEXT);
  if (e) writeFirstDraft(ctx, e.id, E_TEXT);

  // The NHRI's first review round, partly answered.
  const as = (member: Member): ServiceContext => ({ report: ctx.report, me: member });
  const onPassage = (section: Section, passage: string, id: string) => {
    const update = markPassage(textUpdates(ctx.report.db, section.id), passage, id);
    return update ? bytesToBase64(update) : undefined;
  };
  if (a) {
    createComment(as(ingrid), {
      id: 'demo-comment-1',
      sectionId: a.id,
      type: 'substantive',
      body: 'Say how many written submissions were received and from whom; the annex should list them.',
      proposed: 'Written submissions were also invited through the Ministry’s website; the 46 received are listed in the annex.',
      anchor: onPassage(a, 'Written submissions were also invited through the Ministry’s website.', 'demo-comment-1'),
    });
  }
  if (c) {
    createComment(as(ingrid), {
      id: 'demo-comment-2',
      sectionId: c.id,
      type: 'critical',
      body: 'Four shelters fall short of the Istanbul Convention standard of one family place per 10,000 inhabitants. State the remaining gap and the plan to close it.',
      proposed: '',
      anchor: onPassage(c, 'opened four new shelters', 'demo-comment-2'),
    });
    replyToComment(as(leila), { commentId: 'demo-comment-2', body: 'The 2025 budget funds two more shelters; we will add them and the remaining gap.' });
  }
  const b1 = listSections(ctx.report.db).find((s) => s.title === 'Normative framework');
  if (b1) {
    createComment(as(ingrid), {
      id: 'demo-comment-3',
      sectionId: b1.id,
      type: 'editorial',
      body: 'Use the official titles of the laws, with their years, throughout the section.',
      proposed: '',
    });
    decideComment(as(david), { commentId: 'demo-comment-3', disposition: 'accepted', rationale: '' });
    setCommentStatus(ctx, { commentId: 'demo-comment-3', status: 'closed' });
  }
  if (e) {
    createComment(as(ingrid), {
      id: 'demo-comment-4',
      sectionId: e.id,
      type: 'editorial',
      body: 'Spell out the agency’s name at first mention.',
      proposed: 'in cooperation with the United Nations Children’s Fund (UNICEF)',
      anchor: onPassage(e, 'in cooperation with UNICEF', 'demo-comment-4'),
    });
  }
}

/** The outline sections were created empty; their first draft is written as one edit. */
function writeFirstDraft(ctx: ServiceContext, sectionId: string, blocks: Block[]): void {
  const update = editSection(textUpdates(ctx.report.db, sectionId), () => {
    const root = $getRoot();
    root.clear();
    $appendBlocks(root, blocks);
  });
  writeText(ctx.report, sectionId, update, ctx.me!.id, 'edit');
}
