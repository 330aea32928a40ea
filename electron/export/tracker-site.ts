// The public tracker as files (issue 16, point 9): two pages (the recommendations with their status
// and progress; the consultation's "you said / we did"), their stylesheet and filter script, and the
// same information as JSON. Built from a model holding only what was marked public and nothing that
// names a person; every text is escaped as the HTML export escapes it, every page forbids anything
// but its own folder's stylesheet and script, and reads whole without the script.
import type { ImplementationStatus, InputChannel, InputDisposition, Mechanism, OrganizationKind, Position, ReportLanguage } from '../../shared/domain.js';
import { IMPLEMENTATION_STATUSES, INPUT_DISPOSITIONS, MECHANISMS } from '../../shared/domain.js';
import { EXPORT_WORDS, LOG_WORDS } from '../../shared/report-words.js';
import { escapeHtml } from './html.js';
import { TRACKER_CSS, TRACKER_JS } from './tracker-assets.js';
import { TRACKER_WORDS, trackerLocale, type TrackerWords } from './tracker-words.js';

/** What a page may load: its own folder's stylesheet and script, nothing else, nowhere else. */
export const TRACKER_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";

/** A published recommendation: its keys (number, document, the Index's id), never the app's own ids. */
export interface PublicRecommendation {
  number: string;
  text: string;
  mechanism: Mechanism;
  body: string;
  documentSymbol: string;
  paragraph: string;
  documentDate: string;
  uhriAnnotationId: string;
  recommendingStates: string[];
  position: Position | null;
  positionSource: string;
  themes: string[];
  affectedPersons: string[];
  sdgs: number[];
  leadMinistry: string;
  contributingMinistries: string[];
  status: ImplementationStatus;
  /** The progress notes marked public, oldest first: when and what, never who wrote them. */
  progress: Array<{ date: string; text: string }>;
}

/** A published consultation input: what was said and by which organization, how it was taken into account, where. */
export interface PublicInput {
  title: string;
  summary: string;
  organization: string;
  organizationKind: OrganizationKind | null;
  receivedOn: string;
  channel: InputChannel;
  /** Null while it is under consideration. */
  disposition: InputDisposition | null;
  rationale: string;
  /** The report's sections it was taken into, as "A. Methodology". */
  sections: string[];
  /** The published recommendations it concerns, by number. */
  recommendations: string[];
}

export interface TrackerModel {
  language: ReportLanguage;
  country: string;
  /** YYYY-MM-DD: when the site was written. */
  updated: string;
  recommendations: PublicRecommendation[];
  inputs: PublicInput[];
}

/** The file that tells a folder is a tracker written here, so that writing it again may replace it. */
export const TRACKER_MARKER = '.upr-public-tracker';

/** Every file of the site, by its path in the folder ('/'-separated). */
export function trackerFiles(model: TrackerModel): Map<string, string> {
  const anchors = anchorsOf(model.recommendations);
  const page = new Page(model);
  return new Map([
    ['index.html', page.recommendations(anchors)],
    ['consultation.html', page.consultation(anchors)],
    ['style.css', TRACKER_CSS],
    ['tracker.js', TRACKER_JS],
    ['data/recommendations.json', json({ country: model.country, language: model.language, updated: model.updated, recommendations: model.recommendations })],
    ['data/consultation.json', json({ country: model.country, language: model.language, updated: model.updated, inputs: model.inputs })],
    [TRACKER_MARKER, json({ generator: 'UPR Workbench', site: 'public tracker', updated: model.updated })],
  ]);
}

/** JSON whose markup characters are escapes, so that no text in it is markup even where a server says it is HTML. */
const json = (data: unknown) => `${JSON.stringify(data, null, 2).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;

/** "r-115-23": an anchor for each recommendation from its number, unique on the page. */
function anchorsOf(recommendations: readonly PublicRecommendation[]): Map<string, string> {
  const anchors = new Map<string, string>();
  const used = new Set<string>();
  for (const r of recommendations) {
    const base = `r-${r.number.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-|-$/g, '') || 'x'}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    if (!anchors.has(r.number)) anchors.set(r.number, anchor);
  }
  return anchors;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/** Distinct non-empty values, sorted as the report's language sorts them. */
function sortedDistinct(values: Iterable<string>, language: string): string[] {
  return [...new Set([...values].map((v) => v.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, language));
}

class Page {
  private readonly w: TrackerWords;
  private readonly locale: string;

  constructor(private readonly model: TrackerModel) {
    this.w = TRACKER_WORDS[model.language];
    this.locale = trackerLocale(model.language);
  }

  /** The country as a heading names it: "The Republic of …" for one set as "the Republic of …". */
  private get country(): string {
    const [first = '', ...rest] = [...this.model.country];
    return first.toLocaleUpperCase(this.model.language) + rest.join('');
  }

  private date(iso: string): string {
    const d = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  }

  private number(n: number): string {
    return new Intl.NumberFormat(this.locale).format(n);
  }

  /** "Status: ", "État : ", "状态：": a label before its value, punctuated as the language does. */
  private labelled(label: string): string {
    const colon = this.model.language === 'fr' ? '\u202f: ' : this.model.language === 'zh' ? '：' : ': ';
    return `${label}${colon}`;
  }

  private time(iso: string): string {
    return `<time datetime="${escapeHtml(iso)}">${escapeHtml(this.date(iso))}</time>`;
  }

  /** The frame every page shares: language and direction, policy, skip link, header and navigation, footer. */
  private frame(current: 'index' | 'consultation', title: string, body: string): string {
    const { w, model } = this;
    const nav = (
      [
        ['index', 'index.html', w.recommendationsPage],
        ['consultation', 'consultation.html', w.consultationPage],
      ] as const
    )
      .map(([id, href, label]) => `<li><a href="${href}"${id === current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`)
      .join('');
    return [
      '<!DOCTYPE html>',
      `<html lang="${escapeHtml(model.language)}" dir="${model.language === 'ar' ? 'rtl' : 'ltr'}" data-locale="${escapeHtml(this.locale)}">`,
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${TRACKER_POLICY}">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="referrer" content="no-referrer">',
      `<title>${escapeHtml(`${title} · ${this.country}`)}</title>`,
      '<link rel="stylesheet" href="style.css">',
      current === 'index' ? '<script src="tracker.js" defer></script>' : '',
      '</head>',
      '<body>',
      `<a class="skip" href="#main">${escapeHtml(w.skip)}</a>`,
      '<header class="site-header"><div class="wrap">',
      `<div><p class="site-name" dir="auto">${escapeHtml(this.country)}</p><p class="site-sub">${escapeHtml(w.site)}</p></div>`,
      `<nav class="site-nav" aria-label="${escapeHtml(w.pages)}"><ul>${nav}</ul></nav>`,
      '</div></header>',
      `<main id="main" class="wrap" tabindex="-1">`,
      body,
      '</main>',
      '<footer class="site-footer"><div class="wrap">',
      `<p>${escapeHtml(w.dataText)} <a href="data/recommendations.json">${escapeHtml(w.recommendationsData)}</a> · <a href="data/consultation.json">${escapeHtml(w.consultationData)}</a></p>`,
      `<p class="updated">${escapeHtml(fill(w.updated, { date: this.date(model.updated) }))}</p>`,
      '</div></footer>',
      '</body>',
      '</html>',
    ]
      .filter((line) => line !== '')
      .join('\n')
      .concat('\n');
  }

  recommendations(anchors: Map<string, string>): string {
    const { w, model } = this;
    const recs = model.recommendations;
    const statuses = EXPORT_WORDS[model.language].statuses;
    const themes = sortedDistinct(recs.flatMap((r) => r.themes), model.language);
    const ministries = sortedDistinct(recs.flatMap((r) => [r.leadMinistry, ...r.contributingMinistries]), model.language);
    const mechanisms = MECHANISMS.filter((m) => recs.some((r) => r.mechanism === m));
    const statusesHeld = IMPLEMENTATION_STATUSES.filter((s) => recs.some((r) => r.status === s));
    const index = (list: readonly string[]) => new Map(list.map((v, i) => [v, String(i)]));
    const themeIndex = index(themes);
    const ministryIndex = index(ministries);

    const summary = statusesHeld
      .map((s) => `<li><span class="summary-count">${this.number(recs.filter((r) => r.status === s).length)}</span> <span class="pill status-${s}">${escapeHtml(statuses[s])}</span></li>`)
      .join('');
    const select = (name: string, label: string, all: string, options: Array<[string, string]>) =>
      [
        `<div class="field"><label for="f-${name}">${escapeHtml(label)}</label>`,
        `<select id="f-${name}" name="${name}"><option value="">${escapeHtml(all)}</option>`,
        ...options.map(([value, text]) => `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`),
        '</select></div>',
      ].join('');
    const filters = recs.length
      ? [
          // Shown by tracker.js: without it, a form that could do nothing is better not offered.
          '<form id="filters" class="filters" role="search" aria-labelledby="filters-title" hidden>',
          `<h2 id="filters-title">${escapeHtml(w.filtersTitle)}</h2>`,
          `<div class="field"><label for="f-q">${escapeHtml(w.search)}</label><input id="f-q" name="q" type="search" autocomplete="off"></div>`,
          select('theme', w.theme, w.allThemes, themes.map((t) => [themeIndex.get(t)!, t])),
          select('ministry', w.ministry, w.allMinistries, ministries.map((m) => [ministryIndex.get(m)!, m])),
          select('mechanism', w.mechanism, w.allMechanisms, mechanisms.map((m) => [m, w.mechanisms[m]])),
          select('status', w.status, w.allStatuses, statusesHeld.map((s) => [s, statuses[s]])),
          `<div class="field field-button"><button type="reset">${escapeHtml(w.showAll)}</button></div>`,
          '</form>',
        ].join('\n')
      : '';
    const items = recs.map((r) => this.recommendation(r, anchors.get(r.number)!, themeIndex, ministryIndex)).join('\n');
    const total = this.number(recs.length);
    const body = [
      `<h1>${escapeHtml(w.recommendationsTitle)}</h1>`,
      `<p class="intro">${escapeHtml(w.recommendationsIntro)}</p>`,
      `<section aria-labelledby="summary-title"><h2 id="summary-title">${escapeHtml(w.summaryTitle)}</h2>`,
      `<p>${escapeHtml(fill(w.total, { n: total }))}</p>`,
      summary ? `<ul class="summary">${summary}</ul>` : '',
      '</section>',
      filters,
      `<section aria-labelledby="list-title"><h2 id="list-title">${escapeHtml(w.listTitle)}</h2>`,
      recs.length
        ? [
            `<p id="count" class="count" role="status" data-template="${escapeHtml(w.shown)}">${escapeHtml(fill(w.shown, { shown: total, total }))}</p>`,
            `<p id="no-match" class="none" hidden>${escapeHtml(w.noMatch)}</p>`,
            `<ol id="recommendations" class="recs">\n${items}\n</ol>`,
          ].join('\n')
        : `<p class="none">${escapeHtml(w.noRecommendations)}</p>`,
      '</section>',
    ].join('\n');
    return this.frame('index', w.recommendationsPage, body);
  }

  private recommendation(r: PublicRecommendation, anchor: string, themes: Map<string, string>, ministries: Map<string, string>): string {
    const { w, model } = this;
    const ex = EXPORT_WORDS[model.language];
    const fact = (label: string, value: string) => (value ? `<div><dt>${escapeHtml(label)}</dt><dd dir="auto">${escapeHtml(value)}</dd></div>` : '');
    const comma = model.language === 'zh' ? '、' : model.language === 'ar' ? '، ' : ', ';
    // The document's symbol and paragraph keep their own direction inside the sentence of any language.
    const bdi = (text: string) => `<bdi dir="ltr">${escapeHtml(text)}</bdi>`;
    const document = r.documentSymbol ? (r.paragraph ? fill(escapeHtml(w.paragraph), { symbol: bdi(r.documentSymbol), paragraph: bdi(r.paragraph) }) : bdi(r.documentSymbol)) : '';
    const origin = [w.mechanisms[r.mechanism], r.body].filter(Boolean).join(' · ');
    const inThemes = r.themes.map((t) => themes.get(t.trim())).filter((i): i is string => i !== undefined);
    const inMinistries = [r.leadMinistry, ...r.contributingMinistries].map((m) => ministries.get(m.trim())).filter((i): i is string => i !== undefined);
    const progress = r.progress.length
      ? `<ol class="progress">${r.progress.map((p) => `<li>${this.time(p.date)}<p dir="auto">${escapeHtml(p.text)}</p></li>`).join('')}</ol>`
      : `<p class="none">${escapeHtml(w.noProgress)}</p>`;
    return [
      `<li class="rec status-${r.status}" id="${anchor}" data-theme="${inThemes.join(' ')}" data-ministry="${inMinistries.join(' ')}" data-mechanism="${r.mechanism}" data-status="${r.status}">`,
      `<article aria-labelledby="${anchor}-h">`,
      '<div class="rec-head">',
      `<div class="rec-title"><h3 id="${anchor}-h" dir="ltr">${escapeHtml(r.number)}</h3><p class="rec-origin">${escapeHtml(origin)}</p></div>`,
      `<p class="pill status-${r.status}"><span class="status-label">${escapeHtml(this.labelled(w.status))}</span>${escapeHtml(ex.statuses[r.status])}</p>`,
      '</div>',
      `<p class="rec-text" dir="auto">${escapeHtml(r.text)}</p>`,
      '<dl class="facts">',
      fact(w.states, r.recommendingStates.join(comma)),
      fact(w.position, r.position ? ex.positions[r.position] : ''),
      document ? `<div><dt>${escapeHtml(w.source)}</dt><dd>${document}</dd></div>` : '',
      fact(w.lead, r.leadMinistry),
      fact(w.contributors, r.contributingMinistries.join(comma)),
      fact(w.themes, r.themes.join(comma)),
      fact(w.groups, r.affectedPersons.join(comma)),
      fact(w.sdgs, r.sdgs.map((n) => this.number(n)).join(comma)),
      '</dl>',
      `<h4>${escapeHtml(w.progress)}</h4>`,
      progress,
      '</article>',
      '</li>',
    ]
      .filter(Boolean)
      .join('\n');
  }

  consultation(anchors: Map<string, string>): string {
    const { w, model } = this;
    const log = LOG_WORDS[model.language];
    const inputs = model.inputs;
    const outcome = (d: InputDisposition | null) => (d ? log.dispositions[d] : log.undecided);
    const held = [...INPUT_DISPOSITIONS, null].filter((d) => inputs.some((i) => i.disposition === d));
    const summary = held
      .map((d) => `<li><span class="summary-count">${this.number(inputs.filter((i) => i.disposition === d).length)}</span> <span class="pill disposition-${d ?? 'pending'}">${escapeHtml(outcome(d))}</span></li>`)
      .join('');
    const items = inputs.map((input, i) => {
      // The organization's name keeps its own direction; its kind is said in the page's language.
      const from = input.organization
        ? `<bdi dir="auto">${escapeHtml(input.organization)}</bdi>${input.organizationKind ? ` (${escapeHtml(log.kinds[input.organizationKind])})` : ''}`
        : escapeHtml(w.notNamed);
      const meta = [
        `<li>${escapeHtml(this.labelled(w.from))}${from}</li>`,
        input.receivedOn ? `<li>${escapeHtml(this.labelled(w.received))}${this.time(input.receivedOn)}</li>` : '',
        `<li>${escapeHtml(this.labelled(w.channel))}${escapeHtml(log.channels[input.channel])}</li>`,
      ].join('');
      const where = [
        ...input.sections.map((s) => `<li>${escapeHtml(this.labelled(w.inReport))}<span dir="auto">${escapeHtml(s)}</span></li>`),
        ...input.recommendations.map((n) => `<li>${escapeHtml(this.labelled(w.inRecommendations))}<a href="index.html#${anchors.get(n)}" dir="ltr">${escapeHtml(n)}</a></li>`),
      ].join('');
      return [
        `<li class="input" id="input-${i + 1}">`,
        `<article aria-labelledby="input-${i + 1}-h">`,
        `<h2 id="input-${i + 1}-h" dir="auto">${escapeHtml(input.title)}</h2>`,
        '<div class="said-did">',
        `<div><h3>${escapeHtml(w.youSaid)}</h3><ul class="meta">${meta}</ul>${input.summary ? `<p dir="auto">${escapeHtml(input.summary)}</p>` : ''}</div>`,
        `<div><h3>${escapeHtml(w.weDid)}</h3><p><span class="pill disposition-${input.disposition ?? 'pending'}">${escapeHtml(outcome(input.disposition))}</span></p>`,
        input.rationale ? `<p dir="auto">${escapeHtml(input.rationale)}</p>` : '',
        where ? `<h4>${escapeHtml(w.where)}</h4><ul class="where">${where}</ul>` : '',
        '</div>',
        '</div>',
        '</article>',
        '</li>',
      ]
        .filter(Boolean)
        .join('\n');
    });
    const body = [
      `<h1>${escapeHtml(w.consultationTitle)}</h1>`,
      `<p class="intro">${escapeHtml(w.consultationIntro)}</p>`,
      summary ? `<section aria-labelledby="summary-title"><h2 id="summary-title">${escapeHtml(w.consultationSummary)}</h2><ul class="summary">${summary}</ul></section>` : '',
      inputs.length ? `<ol class="inputs">\n${items.join('\n')}\n</ol>` : `<p class="none">${escapeHtml(w.noInputs)}</p>`,
    ]
      .filter(Boolean)
      .join('\n');
    return this.frame('consultation', w.consultationPage, body);
  }
}
