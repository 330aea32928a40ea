// Where the follow-up stands, as charts a minister can read (issue 16, point 6): recommendations by
// status, by lead ministry, by mechanism and by cluster, and the plan's overdue actions by lead
// ministry with the longest overdue listed. Drawn by Chart.js on canvas; each chart is a figure
// with its title, a summary for screen readers, its figures in a table, and a button saving it as a
// PNG (with its title drawn in, on white) for a presentation or a letter.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  Title,
  Tooltip,
  type ChartData,
  type ChartOptions,
  type Plugin,
} from 'chart.js';
import { Component, useCallback, useMemo, useRef, type ReactNode } from 'react';
import { Bar } from 'react-chartjs-2';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { clusterOf, IMPLEMENTATION_STATUSES, MECHANISMS, type ImplementationStatus, type Organization, type OverdueAction, type Recommendation } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { todayIso, useFormat } from '../../app/format.js';
import { changedAny, useLiveLoad } from '../../app/useLiveLoad.js';

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

/** Each status's colour, the same in every chart; the legend and the figures name them in words. */
const STATUS_COLOUR: Record<ImplementationStatus, string> = {
  not_started: '#8a94a3',
  in_progress: '#1d5fa7',
  partially_implemented: '#c98a00',
  implemented: '#1e7a46',
  not_applicable: '#c9ced6',
};
/** The clusters charted one by one; the rest are one bar. */
const CLUSTERS_SHOWN = 12;
/** The overdue actions listed under their chart. */
const OVERDUE_LISTED = 15;
const BAR_HEIGHT = 36;
/** A category's name is wrapped at about this many characters, on two lines at most (the figures give it whole). */
const LABEL_LINE = 30;

/** "Ministry of Labour and Social Affairs (24)" on two lines, the second cut with "…" if it must be. */
function wrapped(label: string): string | string[] {
  if (label.length <= LABEL_LINE) return label;
  const cut = label.lastIndexOf(' ', LABEL_LINE);
  const at = cut > LABEL_LINE / 2 ? cut : LABEL_LINE;
  const rest = label.slice(at).trim();
  return [label.slice(0, at).trim(), rest.length > LABEL_LINE ? `${rest.slice(0, LABEL_LINE - 1).trim()}…` : rest];
}

/** Draws the chart on white, so a saved image is not transparent. */
const onWhite: Plugin<'bar'> = {
  id: 'uprOnWhite',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

interface Group {
  key: string;
  label: string;
  byStatus: Map<ImplementationStatus, number>;
  total: number;
}

/** The recommendations counted by status within groups, largest group first (ties by name). */
function grouped(recommendations: readonly Recommendation[], groupOf: (r: Recommendation) => { key: string; label: string }, locale: string): Group[] {
  const groups = new Map<string, Group>();
  for (const r of recommendations) {
    const { key, label } = groupOf(r);
    const g = groups.get(key) ?? { key, label, byStatus: new Map(), total: 0 };
    g.byStatus.set(r.implementationStatus, (g.byStatus.get(r.implementationStatus) ?? 0) + 1);
    g.total++;
    groups.set(key, g);
  }
  const collator = new Intl.Collator(locale);
  return [...groups.values()].sort((a, b) => b.total - a.total || collator.compare(a.label, b.label));
}

export interface FollowUpChartsProps {
  recommendations: readonly Recommendation[];
  organizations: readonly Organization[];
  onShow: (id: string) => void;
}

export function FollowUpCharts({ recommendations, organizations, onShow }: FollowUpChartsProps) {
  const { t, i18n } = useTranslation('recommendations');
  const format = useFormat();
  const locale = i18n.language;
  const orgName = useCallback((id: string | null) => organizations.find((o) => o.id === id)?.name ?? t('charts.nobody'), [organizations, t]);
  const statusLabel = useCallback((s: ImplementationStatus) => t(`status.${s}`), [t]);

  const byStatus = useMemo(() => grouped(recommendations, (r) => ({ key: r.implementationStatus, label: statusLabel(r.implementationStatus) }), locale), [recommendations, statusLabel, locale]);
  const byMinistry = useMemo(
    () => grouped(recommendations, (r) => ({ key: r.responsibleOrganizationId ?? '', label: orgName(r.responsibleOrganizationId) }), locale),
    [recommendations, orgName, locale],
  );
  const byMechanism = useMemo(
    () =>
      grouped(recommendations, (r) => ({ key: r.origin.mechanism, label: t(`mechanism.${r.origin.mechanism}`) }), locale).sort(
        (a, b) => MECHANISMS.indexOf(a.key as (typeof MECHANISMS)[number]) - MECHANISMS.indexOf(b.key as (typeof MECHANISMS)[number]),
      ),
    [recommendations, t, locale],
  );
  const byCluster = useMemo(() => {
    const all = grouped(recommendations, (r) => ({ key: clusterOf(r), label: clusterOf(r) || t('charts.noCluster') }), locale);
    if (all.length <= CLUSTERS_SHOWN + 1) return all;
    // The rest as one bar, last.
    const rest: Group = { key: '\u0000rest', label: t('charts.otherClusters'), byStatus: new Map(), total: 0 };
    for (const g of all.slice(CLUSTERS_SHOWN)) {
      for (const [s, n] of g.byStatus) rest.byStatus.set(s, (rest.byStatus.get(s) ?? 0) + n);
      rest.total += g.total;
    }
    return [...all.slice(0, CLUSTERS_SHOWN), rest];
  }, [recommendations, t, locale]);

  const today = todayIso();
  const fetchOverdue = useCallback(() => call('plan.overdue', { today }), [today]);
  const overdue = useLiveLoad(fetchOverdue, changedOnPlan);
  const overdueByLead = useMemo(() => {
    const counts = new Map<string, { label: string; n: number }>();
    for (const o of overdue.value ?? []) {
      const key = o.action.leadOrganizationId ?? '';
      counts.set(key, { label: orgName(o.action.leadOrganizationId), n: (counts.get(key)?.n ?? 0) + 1 });
    }
    return [...counts.values()].sort((a, b) => b.n - a.n);
  }, [overdue.value, orgName]);

  return (
    <section className="rc-charts" aria-label={t('charts.label')}>
      <p className="muted rc-charts-as-of">{t('charts.asOf', { date: format.date(today) })}</p>
      <div className="rc-charts-grid">
        <StatusChart title={t('charts.byStatus')} groups={byStatus} />
        <StackedChart title={t('charts.byMechanism')} groups={byMechanism} statusLabel={statusLabel} />
        <StackedChart title={t('charts.byMinistry')} groups={byMinistry} statusLabel={statusLabel} />
        <StackedChart title={t('charts.byCluster')} groups={byCluster} statusLabel={statusLabel} />
      </div>
      <div className="rc-chart-card rc-chart-wide">
        {overdue.value === null ? (
          <>
            <h3 className="rc-chart-title">{t('charts.overdue')}</h3>
            <p className="muted" role="status">
              {overdue.error ?? t('charts.overdueLoading')}
            </p>
          </>
        ) : overdue.value.length === 0 ? (
          <>
            <h3 className="rc-chart-title">{t('charts.overdue')}</h3>
            <p className="muted">{t('charts.overdueNone')}</p>
          </>
        ) : (
          <>
            <ChartFigure
              title={t('charts.overdue')}
              categories={overdueByLead.map((g) => g.label)}
              datasets={[{ label: t('charts.actions'), data: overdueByLead.map((g) => g.n), backgroundColor: '#b42318' }]}
              head={[t('charts.lead'), t('charts.actions')]}
              rows={overdueByLead.map((g) => [g.label, format.number(g.n)])}
              summary={overdueByLead.map((g) => `${g.label}: ${format.number(g.n)}`).join('; ')}
            />
            <OverdueList overdue={overdue.value} orgName={orgName} onShow={onShow} />
          </>
        )}
      </div>
    </section>
  );
}

const changedOnPlan = changedAny(new Set(['recommendations']));

function StatusChart({ title, groups }: { title: string; groups: Group[] }) {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  // Every status, in the order of the follow-up, even those no recommendation has yet.
  const counts = IMPLEMENTATION_STATUSES.map((s) => ({ s, label: t(`status.${s}`), n: groups.find((g) => g.key === s)?.total ?? 0 }));
  const total = counts.reduce((n, c) => n + c.n, 0);
  const share = (n: number) => (total ? format.percent(n / total) : format.percent(0));
  return (
    <ChartFigure
      title={title}
      categories={counts.map((c) => `${c.label} (${format.number(c.n)})`)}
      datasets={[{ label: t('charts.recommendations'), data: counts.map((c) => c.n), backgroundColor: counts.map((c) => STATUS_COLOUR[c.s]) }]}
      legend={false}
      head={[t('column.status'), t('charts.recommendations'), '%']}
      rows={[...counts.map((c) => [c.label, format.number(c.n), share(c.n)]), [t('charts.total'), format.number(total), share(total)]]}
      summary={counts.map((c) => `${c.label}: ${format.number(c.n)}`).join('; ')}
    />
  );
}

function StackedChart({ title, groups, statusLabel }: { title: string; groups: Group[]; statusLabel: (s: ImplementationStatus) => string }) {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const present = IMPLEMENTATION_STATUSES.filter((s) => groups.some((g) => g.byStatus.has(s)));
  return (
    <ChartFigure
      title={title}
      categories={groups.map((g) => `${g.label} (${format.number(g.total)})`)}
      datasets={present.map((s) => ({ label: statusLabel(s), data: groups.map((g) => g.byStatus.get(s) ?? 0), backgroundColor: STATUS_COLOUR[s] }))}
      stacked
      head={['', ...present.map(statusLabel), t('charts.total')]}
      rows={groups.map((g) => [g.label, ...present.map((s) => format.number(g.byStatus.get(s) ?? 0)), format.number(g.total)])}
      summary={groups.map((g) => `${g.label}: ${format.number(g.total)}`).join('; ')}
    />
  );
}

interface ChartFigureProps {
  title: string;
  categories: string[];
  datasets: Array<{ label: string; data: number[]; backgroundColor: string | string[] }>;
  stacked?: boolean;
  legend?: boolean;
  /** The figures as a table: its header and rows. */
  head: string[];
  rows: string[][];
  /** What the chart shows, said to screen readers in place of the picture. */
  summary: string;
}

/** One chart: its title, the picture (horizontal bars, long names readable), its figures, and saving it as an image. */
function ChartFigure({ title, categories, datasets, stacked = false, legend = true, head, rows, summary }: ChartFigureProps) {
  const { t, i18n } = useTranslation('recommendations');
  const announce = useAnnounce();
  const chart = useRef<ChartJS<'bar'> | null>(null);
  const rtl = i18n.dir(i18n.language) === 'rtl';
  const data: ChartData<'bar'> = useMemo(() => ({ labels: categories.map(wrapped), datasets: datasets.map((d) => ({ ...d, borderWidth: 0, maxBarThickness: 26 })) }), [categories, datasets]);
  const options: ChartOptions<'bar'> = useMemo(
    () => ({
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // Drawn at twice the pixels at least, so a saved image prints sharp.
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
      locale: i18n.language,
      font: { family: getComputedStyle(document.documentElement).getPropertyValue('--font') || undefined, size: 13 },
      scales: {
        x: { stacked, beginAtZero: true, ticks: { precision: 0 }, reverse: rtl },
        y: { stacked, position: rtl ? 'right' : 'left', ticks: { autoSkip: false, font: { size: 13 } } },
      },
      plugins: {
        legend: { display: legend, position: 'bottom', rtl, labels: { boxWidth: 14 } },
        title: { display: false, text: title, font: { size: 16, weight: 'bold' }, padding: { bottom: 12 } },
        tooltip: { rtl },
      },
    }),
    [stacked, legend, title, rtl, i18n.language],
  );

  const save = () => {
    const c = chart.current;
    if (!c) return;
    // The saved image says what it is: the title drawn in for the picture alone.
    c.options.plugins!.title!.display = true;
    c.update('none');
    const url = c.toBase64Image('image/png', 1);
    c.options.plugins!.title!.display = false;
    c.update('none');
    const name = `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim().slice(0, 100)} ${todayIso()}.png`;
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    announce(t('charts.saved', { title, name }));
  };

  const height = Math.max(160, categories.length * BAR_HEIGHT + (legend ? 90 : 50));
  return (
    <figure className="rc-chart-card">
      <figcaption className="rc-chart-head">
        <h3 className="rc-chart-title">{title}</h3>
        <Button className="button button-small" aria-label={`${t('charts.save')}: ${title}`} onPress={save}>
          {t('charts.save')}
        </Button>
      </figcaption>
      <div className="rc-chart-canvas" style={{ blockSize: height }} role="img" aria-label={t('charts.summary', { title, parts: summary })}>
        {CAN_DRAW ? (
          <DrawnOrNot fallback={<p className="muted">{t('charts.noPicture')}</p>}>
            <Bar ref={chart} data={data} options={options} plugins={[onWhite]} aria-hidden="true" />
          </DrawnOrNot>
        ) : (
          <p className="muted">{t('charts.noPicture')}</p>
        )}
      </div>
      <details className="rc-chart-figures">
        <summary>{t('charts.figures')}</summary>
        <table className="rc-chart-table">
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row" dir="auto">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Whether this page can draw on a canvas at all (a page without one gets the figures alone). */
const CAN_DRAW = typeof document !== 'undefined' && document.createElement('canvas').getContext('2d') !== null;

/** A chart the machine cannot draw (no canvas) says so; its figures below still give everything. */
class DrawnOrNot extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The longest overdue actions, each with its recommendation (shown with one press) or cluster. */
function OverdueList({ overdue, orgName, onShow }: { overdue: readonly OverdueAction[]; orgName: (id: string | null) => string; onShow: (id: string) => void }) {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  return (
    <>
      <h4 className="rc-subtitle">{t('charts.overdueList')}</h4>
      <table className="rc-chart-table rc-overdue-table">
        <thead>
          <tr>
            <th scope="col">{t('charts.due')}</th>
            <th scope="col">{t('charts.action')}</th>
            <th scope="col">{t('charts.recommendation')}</th>
            <th scope="col">{t('charts.lead')}</th>
          </tr>
        </thead>
        <tbody>
          {overdue.slice(0, OVERDUE_LISTED).map(({ action: a, number }) => (
            <tr key={a.id}>
              <td className="rc-overdue-date">{format.date(a.endDate)}</td>
              <th scope="row" dir="auto">
                {a.title}
              </th>
              <td>
                {a.recommendationId ? (
                  <Button className="link-button" aria-label={t('charts.show', { number })} onPress={() => onShow(a.recommendationId)}>
                    {number}
                  </Button>
                ) : (
                  <span dir="auto">{t('charts.cluster', { name: a.cluster })}</span>
                )}
              </td>
              <td dir="auto">{orgName(a.leadOrganizationId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {overdue.length > OVERDUE_LISTED ? <p className="muted">{t('charts.overdueMore', { n: format.number(overdue.length - OVERDUE_LISTED) })}</p> : null}
    </>
  );
}
