// The consultation inputs view: every input in one table, filtered and counted; registering one
// (from an organization new to the report); the selected one in full, linked to sections and
// recommendations, given a disposition, with its files attached and opened read-only; the
// consultation log put in a section; and what a reviewer, who only reads, is shown.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttachmentContent } from '../../shared/api.js';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import type { ConsultationInput, InputChannel, InputDisposition } from '../../shared/domain.js';
import { isUserError } from '../../shared/errors.js';
import { userError } from '../../shared/messages.js';
import { denyInputChange, denyInputRead, denySectionText, type Denial } from '../../shared/permissions.js';
import { App } from '../../renderer/app/App.js';
import { AnnouncerProvider } from '../../renderer/app/Announcer.js';
import { WorkspaceContext } from '../../renderer/app/workspaceContext.js';
import { setTransport } from '../../renderer/api/client.js';
import { InputsScreen } from '../../renderer/features/inputs/InputsScreen.js';
import { initI18n } from '../../renderer/i18n/index.js';
import { fakeTransport, sampleRecommendation, sampleWorld, type FakeTransport, type FakeWorld } from './fakeServer.js';
import { callsTo, findAlert, findWorkspace } from './renderApp.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));
afterEach(cleanup);

function sampleInput(id: string, more: Partial<ConsultationInput> = {}): ConsultationInput {
  return {
    id,
    title: `Input ${id}`,
    sourceOrganizationId: null,
    sourceOrganizationName: '',
    sourceKind: null,
    receivedOn: '2030-02-14',
    channel: 'written_submission',
    summary: '',
    fullText: '',
    themes: [],
    sectionIds: [],
    recommendationIds: [],
    attachments: [],
    disposition: null,
    rationale: '',
    decidedByName: '',
    decidedAt: '',
    public: false,
    ...more,
  };
}

/** Four inputs that differ in every way the view filters by. */
function receivedInputs(): ConsultationInput[] {
  return [
    sampleInput('i1', {
      title: 'Submission on violence against women',
      sourceOrganizationId: 'wrn',
      sourceOrganizationName: 'Women’s Rights Network',
      sourceKind: 'civil_society',
      summary: 'Asks for more shelters and a national helpline.',
      themes: ['Women', 'Violence'],
      sectionIds: ['c'],
      recommendationIds: ['rec-115.1', 'rec-115.2'],
      attachments: [{ id: 'att1', name: 'submission.txt', mediaType: 'text/plain', size: 26, sha256: 'x' }],
      disposition: 'partly_reflected',
      rationale: 'The helpline is reported in C.',
      decidedByName: 'Maria Santos',
      decidedAt: '2030-03-02T10:00:00.000Z',
    }),
    sampleInput('i2', { title: 'Minutes of the northern consultation', receivedOn: '2030-03-11', channel: 'public_consultation' }),
    sampleInput('i3', {
      title: 'Note on birth registration',
      sourceOrganizationId: 'unicef',
      sourceOrganizationName: 'UNICEF Country Office',
      sourceKind: 'un_entity',
      receivedOn: '2030-03-20',
      channel: 'email',
      disposition: 'not_reflected',
      rationale: 'Outside the period of the review.',
      decidedByName: 'Maria Santos',
      decidedAt: '2030-03-21T10:00:00.000Z',
    }),
    sampleInput('i4', { title: 'Online comments on the draft', receivedOn: '', channel: 'online_form', summary: 'Many asked about disability access.' }),
  ];
}

interface InputsStore {
  inputs: ConsultationInput[];
  /** What the desktop app's file dialog answers (app.chooseFile, kind 'attachment'). */
  chosenFile?: string | null;
  /** Attached files' contents, by attachment id. */
  files: Record<string, AttachmentContent>;
  /** Sections the log was put in, in order. */
  logs: string[];
  /** The form each was put in (summary or table), in the same order. */
  forms?: string[];
}

/**
 * The inputs part of the API on top of the shared fake server, with the services' permission rules
 * and refusals (a rationale for anything short of "reflected"), and 'changed' events after changes.
 */
function withInputs(transport: FakeTransport, store: InputsStore): FakeTransport {
  const { world } = transport;
  const me = () => world.members.find((m) => m.id === world.meId) ?? null;
  const allow = (denial: Denial) => {
    if (denial) throw userError(denial.key, denial.params);
  };
  const find = (id: string) => {
    const input = store.inputs.find((i) => i.id === id);
    if (!input) throw userError('inputMissing');
    return input;
  };
  const changed = () => transport.emit({ kind: 'changed', what: ['inputs'] });
  const source = (id: string | null) => {
    const org = world.organizations.find((o) => o.id === id);
    return { sourceOrganizationId: org?.id ?? null, sourceOrganizationName: org?.name ?? '', sourceKind: org?.kind ?? null };
  };
  let next = 1;
  const handlers: Record<string, (input: never) => unknown> = {
    'inputs.list': () => {
      allow(denyInputRead(me()));
      return store.inputs;
    },
    'inputs.create': (input: { title: string; sourceOrganizationId: string | null; receivedOn: string; channel: InputChannel; summary: string; fullText: string; themes: string[] }) => {
      allow(denyInputChange(me()));
      const created = sampleInput(`new${next++}`, { ...input, ...source(input.sourceOrganizationId) });
      store.inputs.push(created);
      changed();
      return created;
    },
    'inputs.update': (input: Partial<ConsultationInput> & { id: string }) => {
      allow(denyInputChange(me()));
      const current = find(input.id);
      Object.assign(current, input, input.sourceOrganizationId !== undefined ? source(input.sourceOrganizationId) : {});
      changed();
      return current;
    },
    'inputs.delete': (input: { id: string }) => {
      allow(denyInputChange(me()));
      store.inputs = store.inputs.filter((i) => i.id !== find(input.id).id);
      changed();
      return { id: input.id };
    },
    'inputs.link': (input: { inputId: string; targetKind: 'section' | 'recommendation'; targetId: string; linked: boolean }) => {
      allow(denyInputChange(me()));
      const current = find(input.inputId);
      const key = input.targetKind === 'section' ? 'sectionIds' : 'recommendationIds';
      current[key] = current[key].filter((id) => id !== input.targetId).concat(input.linked ? [input.targetId] : []);
      changed();
      return current;
    },
    'inputs.decide': (input: { inputId: string; disposition: InputDisposition; rationale?: string }) => {
      allow(denyInputChange(me()));
      const current = find(input.inputId);
      if (input.disposition !== 'reflected' && !input.rationale) throw userError('inputRationaleRequired');
      Object.assign(current, { disposition: input.disposition, rationale: input.rationale ?? '', decidedByName: me()!.name, decidedAt: '2030-04-02T09:00:00.000Z' });
      changed();
      return current;
    },
    'inputs.attach': (input: { inputId: string; name: string; mediaType: string; data: string }) => {
      allow(denyInputChange(me()));
      const current = find(input.inputId);
      const id = `att-new${next++}`;
      store.files[id] = { name: input.name, mediaType: input.mediaType, data: input.data };
      current.attachments.push({ id, name: input.name, mediaType: input.mediaType, size: base64ToBytes(input.data).length, sha256: 'x' });
      changed();
      return current;
    },
    'inputs.detach': (input: { id: string }) => {
      allow(denyInputChange(me()));
      const owner = store.inputs.find((i) => i.attachments.some((a) => a.id === input.id));
      if (!owner) throw userError('attachmentMissing');
      owner.attachments = owner.attachments.filter((a) => a.id !== input.id);
      changed();
      return owner;
    },
    'inputs.attachment': (input: { id: string }) => {
      allow(denyInputRead(me()));
      const file = store.files[input.id];
      if (!file) throw userError('attachmentMissing');
      return file;
    },
    // The desktop app's way: the system's dialog names a file, the main process reads it.
    'app.chooseFile': (input: { mode: string; kind: string }) => ({ path: input.kind === 'attachment' ? store.chosenFile ?? null : null }),
    'inputs.attachFile': (input: { inputId: string; path: string; name?: string; mediaType?: string }) => {
      allow(denyInputChange(me()));
      const current = find(input.inputId);
      const name = input.name ?? input.path.split('/').pop()!;
      current.attachments.push({ id: `att-new${next++}`, name, mediaType: input.mediaType || 'application/pdf', size: 40 * 1024 * 1024, sha256: 'x' });
      changed();
      return current;
    },
    'inputs.insertLog': (input: { sectionId: string; form?: 'summary' | 'table' }) => {
      allow(denyInputRead(me()));
      const section = world.sections.find((s) => s.id === input.sectionId)!;
      allow(denySectionText(me(), section));
      const replaced = store.logs.includes(section.id);
      store.logs.push(section.id);
      (store.forms ??= []).push(input.form ?? 'table');
      return { sectionId: section.id, rows: store.inputs.length, replaced, form: input.form ?? 'table' };
    },
  };
  const call = transport.call.bind(transport);
  transport.call = async (method, input) => {
    const handler = handlers[method];
    if (!handler) return call(method, input);
    transport.calls.push({ method, input });
    try {
      return { ok: true, result: structuredClone(handler(input as never)) };
    } catch (e) {
      if (!isUserError(e)) throw e;
      return { ok: false, error: { message: e.message, code: e.code, ...(e.translatable ?? {}) } };
    }
  };
  return transport;
}

function inputsWorld(overrides: Partial<FakeWorld> = {}): FakeWorld {
  const world = sampleWorld({
    recommendations: [
      sampleRecommendation('115.1', { text: 'Ratify the Optional Protocol to the Convention against Torture' }),
      sampleRecommendation('115.2', { text: 'Strengthen the independence of the national human rights institution' }),
      sampleRecommendation('115.3', { text: 'Abolish the death penalty' }),
    ],
    ...overrides,
  });
  world.organizations.push({ id: 'wrn', name: 'Women’s Rights Network', kind: 'civil_society' }, { id: 'unicef', name: 'UNICEF Country Office', kind: 'un_entity' });
  return world;
}

async function openInputs(world: FakeWorld = inputsWorld(), store: InputsStore = { inputs: receivedInputs(), files: {}, logs: [] }) {
  sessionStorage.clear();
  initI18n('en');
  await i18next.changeLanguage('en');
  const transport = withInputs(fakeTransport(world), store);
  setTransport(transport);
  const user = userEvent.setup();
  render(<App />);
  await findWorkspace();
  await user.click(screen.getByRole('tab', { name: 'Consultation' }));
  return { user, transport, world, store };
}

const table = () => screen.getByRole('table', { name: 'Consultation inputs' });
const titles = () =>
  within(table())
    .queryAllByRole('rowheader')
    .map((c) => c.querySelector('button')?.textContent);
const detail = (title: string) => screen.getByRole('region', { name: `Input ${title}` });

async function choose(user: ReturnType<typeof userEvent.setup>, scope: HTMLElement, field: string | RegExp, option: string) {
  await user.click(within(scope).getByRole('button', { name: field instanceof RegExp ? field : new RegExp(field) }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('the consultation inputs view', () => {
  it('lists every input with its source and kind, date, channel, disposition, links and files', async () => {
    await openInputs();
    await screen.findByText('Showing 4 of 4 inputs');
    expect(titles()).toEqual(['Submission on violence against women', 'Minutes of the northern consultation', 'Note on birth registration', 'Online comments on the draft']);
    const first = within(table()).getByRole('button', { name: 'Show input Submission on violence against women' }).closest('tr')!;
    expect([...first.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'Women’s Rights NetworkCivil society',
      'Feb 14, 2030',
      'Written submission',
      'Partly reflected',
      '1 section, 2 recommendations',
      '1',
    ]);
    const undated = within(table()).getByRole('button', { name: 'Show input Online comments on the draft' }).closest('tr')!;
    expect([...undated.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['No source given', 'No date', 'Online form', 'Not decided', 'Nothing yet', '0']);
  });

  it('filters by source kind, channel and disposition (undecided too), and finds by words', async () => {
    const { user } = await openInputs();
    await screen.findByText('Showing 4 of 4 inputs');
    const filters = screen.getByRole('group', { name: 'Filters' });
    await choose(user, filters, /Source$/, 'Civil society');
    expect(titles()).toEqual(['Submission on violence against women']);
    expect(screen.getByText('Showing 1 of 4 inputs')).toBeTruthy();
    await choose(user, filters, /Source$/, 'No source given');
    expect(titles()).toEqual(['Minutes of the northern consultation', 'Online comments on the draft']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await choose(user, filters, /Channel$/, 'Email');
    expect(titles()).toEqual(['Note on birth registration']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await choose(user, filters, /Disposition$/, 'Not decided');
    expect(titles()).toEqual(['Minutes of the northern consultation', 'Online comments on the draft']);
    await choose(user, filters, /Disposition$/, 'Not reflected');
    expect(titles()).toEqual(['Note on birth registration']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    const search = within(filters).getByRole('textbox', { name: 'Search' });
    // The summary and the source are searched too, accents and case ignored.
    await user.type(search, 'DISABILITY');
    expect(titles()).toEqual(['Online comments on the draft']);
    await user.clear(search);
    await user.type(search, 'unicef');
    expect(titles()).toEqual(['Note on birth registration']);
    await user.clear(search);
    await user.type(search, 'nothing like this');
    expect(within(table()).getByText('No input matches these filters.')).toBeTruthy();
    expect(screen.getByText('Showing 0 of 4 inputs')).toBeTruthy();
  });

  it('moves between inputs with the arrow keys, one title in the tab order, showing the one reached', async () => {
    const { user } = await openInputs();
    const first = await screen.findByRole('button', { name: 'Show input Submission on violence against women' });
    expect(within(table()).getAllByRole('button').filter((b) => b.tabIndex === 0)).toEqual([first]);
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show input Minutes of the northern consultation' }));
    expect(detail('Minutes of the northern consultation')).toBeTruthy();
    await user.keyboard('{End}');
    expect(detail('Online comments on the draft')).toBeTruthy();
    expect(within(table()).getAllByRole('button').filter((b) => b.tabIndex === 0)).toEqual([document.activeElement]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(first);
  });

  it('registers an input from a civil-society organization added on the spot', async () => {
    const { user, store, world, transport } = await openInputs();
    await user.click(await screen.findByRole('button', { name: 'Register an input…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Register a consultation input' });
    await user.click(within(dialog).getByRole('button', { name: 'Register' }));
    await findAlert('Give the input a title.');
    expect(callsTo(transport, 'inputs.create')).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Joint submission on disability rights');
    await user.click(within(dialog).getByRole('button', { name: 'New organization…' }));
    const group = within(dialog).getByRole('group', { name: 'A new organization' });
    await user.type(within(group).getByRole('textbox', { name: 'Name of the organization' }), 'Disability Forum');
    expect(within(group).getByRole('button', { name: /Kind/ }).textContent).toContain('Civil society');
    await user.click(within(group).getByRole('button', { name: 'Add organization' }));
    await waitFor(() => expect(world.organizations.at(-1)).toMatchObject({ name: 'Disability Forum', kind: 'civil_society' }));
    expect(within(dialog).getByRole('button', { name: /Source organization/ }).textContent).toContain('Disability Forum (Civil society)');

    const date = within(dialog).getByLabelText('Date received');
    await user.clear(date);
    await user.type(date, '2030-03-05');
    await choose(user, dialog, /Channel$/, 'Meeting');
    await user.type(within(dialog).getByRole('textbox', { name: 'Summary' }), 'Asks for accessible polling stations.');
    await user.type(within(dialog).getByRole('textbox', { name: /Themes/ }), 'Disability, Elections,  Disability');
    await user.click(within(dialog).getByRole('button', { name: 'Register' }));

    await screen.findByText('Input “Joint submission on disability rights” registered.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.inputs.at(-1)).toMatchObject({
      title: 'Joint submission on disability rights',
      sourceOrganizationName: 'Disability Forum',
      sourceKind: 'civil_society',
      receivedOn: '2030-03-05',
      channel: 'meeting',
      summary: 'Asks for accessible polling stations.',
      themes: ['Disability', 'Elections'],
    });
    // Shown at once, selected, in full.
    const shown = await screen.findByRole('region', { name: 'Input Joint submission on disability rights' });
    expect(within(shown).getByText('Disability Forum')).toBeTruthy();
    expect(within(shown).getByText('(Civil society)')).toBeTruthy();
    await screen.findByText('Showing 5 of 5 inputs');
  });

  it('edits an input, and deletes one only once asked', async () => {
    const { user, store } = await openInputs();
    await user.click(await screen.findByRole('button', { name: 'Show input Note on birth registration' }));
    await user.click(within(detail('Note on birth registration')).getByRole('button', { name: 'Edit…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the input' });
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    expect((title as HTMLInputElement).value).toBe('Note on birth registration');
    await user.clear(title);
    await user.type(title, 'Note on birth registration of refugee children');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await screen.findByText('Input “Note on birth registration of refugee children” saved.');
    expect(store.inputs.find((i) => i.id === 'i3')!.title).toBe('Note on birth registration of refugee children');

    await user.click(within(detail('Note on birth registration of refugee children')).getByRole('button', { name: 'Delete…' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete “Note on birth registration of refugee children”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(store.inputs).toHaveLength(4);
    await user.click(within(detail('Note on birth registration of refugee children')).getByRole('button', { name: 'Delete…' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete input' }));
    await screen.findByText('Input “Note on birth registration of refugee children” deleted.');
    expect(store.inputs.map((i) => i.id)).toEqual(['i1', 'i2', 'i4']);
    await screen.findByText('Showing 3 of 3 inputs');
    expect(screen.getByText('Select an input in the table to see it in full.')).toBeTruthy();
  });

  it('records a disposition: "Not reflected" without a rationale is refused with the main process’s words, with one it is kept with who decided', async () => {
    const { user, store } = await openInputs();
    await user.click(await screen.findByRole('button', { name: 'Show input Minutes of the northern consultation' }));
    const region = detail('Minutes of the northern consultation');
    expect(within(region).getByText('Not decided', { selector: '.in-badge' })).toBeTruthy();
    const form = within(region).getByRole('form', { name: 'Disposition' });
    await user.click(within(form).getByRole('radio', { name: 'Not reflected' }));
    await user.click(within(form).getByRole('button', { name: 'Record disposition' }));
    await findAlert('Say why the input is only partly reflected or not reflected: a rationale is required.');
    expect(store.inputs[1]!.disposition).toBeNull();

    await user.click(within(form).getByRole('radio', { name: 'Partly reflected' }));
    await user.type(within(form).getByRole('textbox', { name: /Rationale/ }), 'Regional data are not available yet.');
    await user.click(within(form).getByRole('button', { name: 'Record disposition' }));
    await screen.findByText('“Minutes of the northern consultation”: Partly reflected.');
    expect(store.inputs[1]).toMatchObject({ disposition: 'partly_reflected', rationale: 'Regional data are not available yet.', decidedByName: 'Maria Santos' });
    await within(detail('Minutes of the northern consultation')).findByText('Decided by Maria Santos on Apr 2, 2030');
    const row = within(table()).getByRole('button', { name: 'Show input Minutes of the northern consultation' }).closest('tr')!;
    expect(row.textContent).toContain('Partly reflected');
  });

  it('links a section and a recommendation, follows each where it points, and unlinks them', async () => {
    const onOpen = await openInputs();
    const { user, store } = onOpen;
    await user.click(await screen.findByRole('button', { name: 'Show input Online comments on the draft' }));
    const region = () => detail('Online comments on the draft');
    expect(within(region()).getByText('No section linked.')).toBeTruthy();
    await choose(user, region(), /Link a section/, 'B.2. Institutional framework');
    await screen.findByText('“Online comments on the draft” linked to B.2. Institutional framework.');
    expect(store.inputs[3]!.sectionIds).toEqual(['b2']);

    const picker = within(region()).getByRole('combobox', { name: 'Link a recommendation' });
    await user.type(picker, 'death');
    const offered = await screen.findAllByRole('option');
    expect(offered.map((o) => o.textContent)).toEqual(['115.3Abolish the death penalty']);
    await user.click(offered[0]!);
    await screen.findByText('“Online comments on the draft” linked to recommendation 115.3.');
    expect(store.inputs[3]!.recommendationIds).toEqual(['rec-115.3']);
    // The list closes (it would hide the page from screen readers), and the box is ready for the next one.
    expect(screen.queryAllByRole('option')).toEqual([]);
    const next = within(region()).getByRole('combobox', { name: 'Link a recommendation' });
    expect(document.activeElement).toBe(next);
    expect((next as HTMLInputElement).value).toBe('');
    // A number finds the recommendations that start with it; those linked already are not offered.
    await user.type(next, '115.');
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent?.slice(0, 5))).toEqual(['115.1', '115.2']));
    await user.keyboard('{Escape}');

    await within(region()).findByRole('button', { name: 'Show recommendation 115.3' });
    await user.click(within(region()).getByRole('button', { name: 'Unlink recommendation 115.3' }));
    await waitFor(() => expect(store.inputs[3]!.recommendationIds).toEqual([]));
    await within(region()).findByText('No recommendation linked.');

    // Following the section opens it in the Sections view.
    await user.click(within(region()).getByRole('button', { name: 'Go to section B.2. Institutional framework' }));
    expect(screen.getByRole('tab', { name: 'Sections' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('editor').getAttribute('data-section')).toBe('b2');
  });

  it('follows a linked recommendation to the recommendations view', async () => {
    const { user } = await openInputs();
    await user.click(await screen.findByRole('button', { name: 'Show input Submission on violence against women' }));
    await user.click(within(detail('Submission on violence against women')).getByRole('button', { name: 'Show recommendation 115.2' }));
    expect(screen.getByRole('tab', { name: 'Recommendations' }).getAttribute('aria-selected')).toBe('true');
    await screen.findByRole('region', { name: 'Recommendation 115.2' });
  });

  it('attaches a file chosen in the browser (sent to the server, read there by the main process) and opens a text file read-only as text', async () => {
    const store: InputsStore = { inputs: receivedInputs(), files: { att1: { name: 'submission.txt', mediaType: 'text/plain', data: bytesToBase64(new TextEncoder().encode('<b>Submission</b>\nline two')) } }, logs: [] };
    const { user, transport } = await openInputs(inputsWorld(), store);
    await user.click(await screen.findByRole('button', { name: 'Show input Submission on violence against women' }));
    const region = () => detail('Submission on violence against women');
    expect(within(region()).getByText('submission.txt')).toBeTruthy();
    expect(within(region()).getByText('Text · 26 bytes')).toBeTruthy();

    // Opened: the bytes as text, markup and all, never rendered.
    await user.click(within(region()).getByRole('button', { name: 'Open submission.txt' }));
    const viewer = await screen.findByRole('dialog', { name: 'submission.txt' });
    const text = await within(viewer).findByLabelText('submission.txt');
    expect(text.textContent).toBe('<b>Submission</b>\nline two');
    expect(viewer.querySelector('b')).toBeNull();
    expect(within(viewer).getByRole('link', { name: 'Save a copy…' }).getAttribute('download')).toBe('submission.txt');
    await user.click(within(viewer).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    const chooser = region().querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(chooser, new File(['Minutes of the meeting'], 'minutes.csv', { type: 'text/csv' }));
    await screen.findByText('“minutes.csv” attached to “Submission on violence against women”.');
    expect(callsTo(transport, 'files.upload')).toEqual([{ name: 'minutes.csv', size: 22 }]);
    expect(callsTo(transport, 'inputs.attachFile')).toEqual([{ inputId: 'i1', path: '/uploads/minutes.csv', name: 'minutes.csv', mediaType: 'text/csv' }]);
    await within(region()).findByText(/^CSV table · /);

    await user.click(within(region()).getByRole('button', { name: 'Remove minutes.csv' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Remove “minutes.csv”?' })).getByRole('button', { name: 'Remove' }));
    await screen.findByText('“minutes.csv” removed from “Submission on violence against women”.');
    await waitFor(() => expect(within(region()).queryByText('minutes.csv')).toBeNull());
  });

  it('in the desktop app, attaches a file chosen with the system’s dialog and read by the main process', async () => {
    const store: InputsStore = { inputs: receivedInputs(), files: {}, logs: [], chosenFile: '/home/maria/Documents/Scanned submission.pdf' };
    const world = inputsWorld();
    const base = withInputs(fakeTransport(world), store);
    sessionStorage.clear();
    initI18n('en');
    await i18next.changeLanguage('en');
    setTransport(Object.assign(base, { desktop: true }));
    const user = userEvent.setup();
    render(<App />);
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Consultation' }));
    await user.click(await screen.findByRole('button', { name: 'Show input Submission on violence against women' }));
    const region = () => detail('Submission on violence against women');
    // No file field in the page: the system's dialog chooses.
    expect(region().querySelector('input[type="file"]')).toBeNull();
    await user.click(within(region()).getByRole('button', { name: 'Attach a file…' }));
    await screen.findByText('“Scanned submission.pdf” attached to “Submission on violence against women”.');
    expect(callsTo(base, 'inputs.attachFile')).toEqual([{ inputId: 'i1', path: '/home/maria/Documents/Scanned submission.pdf' }]);
    expect(callsTo(base, 'inputs.attach')).toEqual([]);
    await within(region()).findByText('Scanned submission.pdf');

    // The dialog cancelled: nothing is attached.
    store.chosenFile = null;
    await user.click(within(region()).getByRole('button', { name: 'Attach a file…' }));
    await waitFor(() => expect(callsTo(base, 'app.chooseFile')).toHaveLength(2));
    expect(callsTo(base, 'inputs.attachFile')).toHaveLength(1);
  });

  it('in browser mode, opens a PDF in the browser’s own viewer in a new tab, and offers a web page only as a saved copy, neither shown in the app', async () => {
    const bytes = (text: string) => bytesToBase64(new TextEncoder().encode(text));
    const inputs = receivedInputs();
    inputs[0]!.attachments = [
      { id: 'att2', name: 'annex.pdf', mediaType: 'application/pdf', size: 34, sha256: 'x' },
      { id: 'att3', name: 'page.html', mediaType: 'text/html', size: 40, sha256: 'x' },
    ];
    const files = {
      att2: { name: 'annex.pdf', mediaType: 'application/pdf', data: bytes('%PDF-1.7 <script>alert(1)</script>') },
      att3: { name: 'page.html', mediaType: 'text/html', data: bytes('<h1 id="injected">Hello</h1><script>alert(1)</script>') },
    };
    const { user } = await openInputs(inputsWorld(), { inputs, files, logs: [] });
    await user.click(await screen.findByRole('button', { name: 'Show input Submission on violence against women' }));
    for (const name of ['annex.pdf', 'page.html']) {
      await user.click(within(detail('Submission on violence against women')).getByRole('button', { name: `Open ${name}` }));
      const viewer = await screen.findByRole('dialog', { name });
      if (name === 'annex.pdf') {
        // The server shows it at a short-lived address only if it is a PDF (tests/unit/browser-files.test.ts).
        const open = await within(viewer).findByRole('link', { name: 'Open the PDF' });
        expect(open.getAttribute('href')).toBe('./api/files/view/ticket-1');
        expect(open.getAttribute('target')).toBe('_blank');
        expect(open.getAttribute('rel')).toContain('noopener');
      } else await within(viewer).findByText('This kind of file cannot be shown here. Save a copy and open it with the program made for it.');
      expect(viewer.querySelector('iframe, object, embed, img, pre, script, #injected')).toBeNull();
      const save = within(viewer).getByRole('link', { name: 'Save a copy…' });
      expect(save.getAttribute('download')).toBe(name);
      expect(save.getAttribute('href')).toMatch(/^blob:/);
      await user.click(within(viewer).getByRole('button', { name: 'Close' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    }
  });

  it('shows an image from a data: URL, which the app’s content security policy allows', async () => {
    const png = bytesToBase64(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const inputs = receivedInputs();
    inputs[0]!.attachments = [{ id: 'att4', name: 'photo.png', mediaType: 'image/png', size: 8, sha256: 'x' }];
    const { user } = await openInputs(inputsWorld(), { inputs, files: { att4: { name: 'photo.png', mediaType: 'image/png', data: png } }, logs: [] });
    await user.click(await screen.findByRole('button', { name: 'Show input Submission on violence against women' }));
    expect(within(detail('Submission on violence against women')).getByText('Image · 8 bytes')).toBeTruthy();
    await user.click(within(detail('Submission on violence against women')).getByRole('button', { name: 'Open photo.png' }));
    const image = await within(await screen.findByRole('dialog', { name: 'photo.png' })).findByRole('img', { name: 'photo.png' });
    expect(image.getAttribute('src')).toBe(`data:image/png;base64,${png}`);
  });

  it('puts the consultation log in section A by default, and says when it replaced the earlier one', async () => {
    const { user, store } = await openInputs();
    await user.click(await screen.findByRole('tab', { name: 'Consultation log' }));
    const log = screen.getByRole('table', { name: 'Consultation log' });
    const rows = within(log).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual(['1', '2', '3', '4']);
    expect(rows[0]!.textContent).toContain('Women’s Rights Network (Civil society)');
    expect(rows[0]!.textContent).toContain('Partly reflected');
    expect(rows[0]!.textContent).toContain('The helpline is reported in C.');
    expect(rows[2]!.textContent).toContain('Not reflected');

    expect(screen.getByRole('button', { name: /Section for the log/ }).textContent).toContain('A. Methodology and consultation process');
    // A short summary by default (the full log is the inputs annex); the table on request.
    expect((screen.getByRole('radio', { name: 'A short summary (the full log is the inputs annex)' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Put the log in section A' }));
    await screen.findByText('A summary of the consultation (4 inputs) put in A. Methodology and consultation process.', { selector: '[role="status"] *' });
    expect(store.logs).toEqual(['a']);
    await user.click(screen.getByRole('radio', { name: 'The full log as a table (counted against the word limit)' }));
    await user.click(screen.getByRole('button', { name: 'Put the log in section A' }));
    await screen.findByText('Consultation log in A. Methodology and consultation process brought up to date: it replaced the earlier log (4 inputs).', {
      selector: '[role="status"] *',
    });

    await choose(user, document.body, /Section for the log/, 'B.1. Normative framework');
    await user.click(screen.getByRole('button', { name: 'Put the log in section B.1' }));
    await waitFor(() => expect(store.logs).toEqual(['a', 'a', 'b1']));
    expect(store.forms).toEqual(['summary', 'table', 'table']);
    await user.click(screen.getByRole('button', { name: 'Go to section B.1. Normative framework' }));
    expect(screen.getByTestId('editor').getAttribute('data-section')).toBe('b1');
  });

  it('shows a reviewer every input, its links, disposition and files, and nothing to change them with', async () => {
    const store: InputsStore = { inputs: receivedInputs(), files: { att1: { name: 'submission.txt', mediaType: 'text/plain', data: bytesToBase64(new TextEncoder().encode('Submission')) } }, logs: [] };
    const { user, transport } = await openInputs(inputsWorld({ meId: 'ingrid' }), store);
    await screen.findByText('Showing 4 of 4 inputs');
    expect(screen.getByText('Only the secretariat registers inputs, links them and records how they were reflected; you can read them.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Register an input…' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Show input Submission on violence against women' }));
    const region = detail('Submission on violence against women');
    expect(within(region).queryByRole('button', { name: 'Edit…' })).toBeNull();
    expect(within(region).queryByRole('button', { name: 'Delete…' })).toBeNull();
    expect(within(region).queryByRole('radio')).toBeNull();
    expect(within(region).queryByRole('form', { name: 'Disposition' })).toBeNull();
    expect(within(region).getByText('The helpline is reported in C.')).toBeTruthy();
    expect(within(region).getByText('Decided by Maria Santos on Mar 2, 2030')).toBeTruthy();
    expect(within(region).queryByRole('button', { name: /Link a section/ })).toBeNull();
    expect(within(region).queryByRole('combobox')).toBeNull();
    expect(within(region).queryByRole('button', { name: /^Unlink/ })).toBeNull();
    expect(within(region).getByRole('button', { name: 'Go to section C. Promotion and protection of human rights on the ground' })).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Show recommendation 115.1' })).toBeTruthy();
    expect(within(region).queryByRole('button', { name: 'Remove submission.txt' })).toBeNull();
    expect(within(region).queryByRole('button', { name: 'Attach a file…' })).toBeNull();
    expect(region.querySelector('input[type="file"]')).toBeNull();
    // Reading a file is for everyone signed in.
    await user.click(within(region).getByRole('button', { name: 'Open submission.txt' }));
    expect((await within(await screen.findByRole('dialog', { name: 'submission.txt' })).findByLabelText('submission.txt')).textContent).toBe('Submission');
    await user.keyboard('{Escape}');

    // The log is there to read; a reviewer writes no section, so cannot put it in one.
    await user.click(screen.getByRole('tab', { name: 'Consultation log' }));
    expect(screen.getByRole('table', { name: 'Consultation log' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Put the log/ })).toBeNull();
    expect(callsTo(transport, 'inputs.decide')).toEqual([]);
  });

  it('offers a drafter the log only for the sections their organization leads', async () => {
    const { user } = await openInputs(inputsWorld({ meId: 'david' }));
    await user.click(await screen.findByRole('tab', { name: 'Consultation log' }));
    expect(screen.getByRole('button', { name: 'Put the log in section B' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Section for the log/ }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'B. Developments since the previous review',
      'B.1. Normative framework',
      'B.2. Institutional framework',
    ]);
  });

  it('says when there are no inputs yet', async () => {
    await openInputs(inputsWorld(), { inputs: [], files: {}, logs: [] });
    await screen.findByText('No consultation inputs yet. The secretariat registers the submissions, consultation minutes and notes it receives.');
  });
});

describe('an input shown from elsewhere', () => {
  it('is selected with every filter cleared, and again when asked again', async () => {
    sessionStorage.clear();
    initI18n('en');
    await i18next.changeLanguage('en');
    const world = inputsWorld();
    const transport = withInputs(fakeTransport(world), { inputs: receivedInputs(), files: {}, logs: [] });
    setTransport(transport);
    const workspace = { path: world.path!, report: world.report, organizations: world.organizations, members: world.members, sections: world.sections, me: world.members[0]!, totalWords: 0, sentCopy: null, previousReport: null };
    const user = userEvent.setup();
    const screenWith = (focus: { id: string; nonce: number } | null) => (
      <AnnouncerProvider>
        <WorkspaceContext.Provider value={{ workspace, refresh: async () => {} }}>
          <InputsScreen focus={focus} onOpenSection={() => {}} onOpenRecommendation={() => {}} />
        </WorkspaceContext.Provider>
      </AnnouncerProvider>
    );
    const view = render(screenWith(null));
    await screen.findByText('Showing 4 of 4 inputs');
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'unicef');
    expect(titles()).toEqual(['Note on birth registration']);
    view.rerender(screenWith({ id: 'i4', nonce: 1 }));
    await screen.findByText('Showing 4 of 4 inputs');
    expect(detail('Online comments on the draft')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Search' }) as HTMLInputElement).value).toBe('');
    await user.click(screen.getByRole('button', { name: 'Show input Note on birth registration' }));
    view.rerender(screenWith({ id: 'i4', nonce: 2 }));
    await waitFor(() => expect(detail('Online comments on the draft')).toBeTruthy());
  });
});
