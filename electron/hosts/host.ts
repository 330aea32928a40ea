// The host of open reports in one process: which windows or tabs (clients) have which report open,
// who each has said they are, and the dispatch of every API call: validate the input against the
// shared schema, find the report and the member, run the handler, turn errors into readable replies.
// The Electron shell, the browser-mode server and `upr call` all go through `dispatch`.
import { FileKeyStore, useKeyStore, type KeyProtection } from '../sync/signing.js';
import { fileLocation, type FileLocation } from '../store/location.js';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { api, eventForClient, isMethodName, type ApiEvent, type MethodName, type ParsedInput, type Reply } from '../../shared/api.js';
import type { Member } from '../../shared/domain.js';
import type { UserError } from '../../shared/errors.js';
import { asUserError } from './failures.js';
import { getMember, getReport } from '../store/queries.js';
import { OpenReport } from '../store/open-report.js';
import { RecentFiles } from './recent.js';
import { isReportMethod, reportHandlers } from '../services/handlers.js';
import { checkAccess } from '../services/access.js';
import { createReport } from '../services/new-report.js';
import { countRecommendations, prepareNextReport } from '../services/next-report.js';
import { writeClosedCopy } from '../sync/copy.js';
import { reportToOpen } from '../sync/received.js';
import path from 'node:path';
import { userError } from '../../shared/messages.js';

export interface Client {
  readonly id: string;
  report: OpenReport | null;
  memberId: string | null;
  send: (event: ApiEvent) => void;
  unsubscribe: (() => void) | null;
  /** Paths the main process's own dialogs gave this window (see HostOptions.pathsFromDialogs). */
  readonly chosen: Set<string>;
}

/** The methods that take a file's path. */
const PATH_METHODS = new Set<MethodName>([
  'app.newReport',
  'app.startNextReport',
  'app.openReport',
  'recommendations.previewImport',
  'recommendations.import',
  'inputs.attachFile',
  'export.write',
  'comments.export',
  'recommendations.export',
  'export.publicTracker',
  'export.midterm',
  'versions.redline',
  'history.export',
  'sharing.sendCopy',
  'sharing.sendChanges',
  'sharing.merge',
]);

export interface HostOptions {
  dataDir: string;
  /** Where a file lives (tests stand in for a network share); fileLocation by default. */
  locate?: (file: string) => FileLocation;
  /** Asks the person for a file (a native dialog in the app); browser mode has none. */
  chooseFile?: (client: Client, mode: 'open' | 'save', kind: ParsedInput<'app.chooseFile'>['kind']) => Promise<string | null>;
  /** Told when a client's open report changes (the app sets window titles and recent documents). */
  onReportChanged?: (client: Client) => void;
  /**
   * The app keeps one window per report: when another window has `file` open it brings that
   * window to the front and returns true, and this client does not open it. Browser mode has no
   * such rule (two tabs on one file is how people work side by side).
   */
  focusOtherWindowWith?: (client: Client, file: string) => boolean;
  /**
   * The desktop app: a path a window sends must be one the main process's dialog gave it (or, to
   * open a report, one of the recent files): a page cannot name any file on the disk by itself.
   * Browser mode has no dialogs; its paths are typed by the person who holds the token.
   */
  pathsFromDialogs?: boolean;
  /**
   * The operating system's protection of the people's private signing keys (Electron's safeStorage
   * in the desktop app); browser mode and the CLI keep them in files only this user can read.
   */
  protectKeys?: KeyProtection;
}

export class Host {
  readonly recent: RecentFiles;
  private readonly clients = new Map<string, Client>();
  private readonly reports = new Map<string, OpenReport>();

  constructor(readonly options: HostOptions) {
    this.recent = new RecentFiles(options.dataDir);
    // Each person's signing key on this machine, in the user's data folder (electron/sync/signing.ts).
    useKeyStore(new FileKeyStore(path.join(options.dataDir, 'keys'), options.protectKeys));
  }

  connect(send: (event: ApiEvent) => void, id: string = randomUUID()): Client {
    const client: Client = { id, report: null, memberId: null, send, unsubscribe: null, chosen: new Set() };
    this.clients.set(id, client);
    return client;
  }

  client(id: string): Client | undefined {
    return this.clients.get(id);
  }

  disconnect(id: string): void {
    const client = this.clients.get(id);
    if (!client) return;
    this.detach(client);
    this.clients.delete(id);
  }

  /** Opens (or shares, when another client has it open) the report at `file` for `client`. */
  attach(client: Client, file: string): OpenReport {
    // A copy packed to travel opens as the report it unpacks to beside it.
    const key = reportToOpen(path.resolve(file));
    let report = this.reports.get(key);
    if (!report || report.isClosed) {
      // A file on a network share or in a synced folder is never kept open: work on a copy.
      const where = (this.options.locate ?? fileLocation)(key);
      report = where.kind === 'local' ? OpenReport.open(key) : OpenReport.openWorkingCopy(key, path.join(this.options.dataDir, 'working'));
      this.reports.set(key, report);
    }
    this.adopt(client, report);
    return report;
  }

  private adopt(client: Client, report: OpenReport): void {
    this.detach(client);
    client.report = report;
    client.memberId = null;
    // A tab's own text changes do not come back to it, and no event carries the id of the tab that
    // made it: that id acts as the tab.
    client.unsubscribe = report.on((event) => {
      if (event.kind === 'text' && event.origin === client.id) return;
      client.send(eventForClient(event));
    });
    this.recent.add({ path: report.path, title: getReport(report.db).title });
    this.options.onReportChanged?.(client);
  }

  /** The client lets go of its report; the last one to let go closes the file. */
  detach(client: Client): void {
    const report = client.report;
    if (!report) return;
    client.unsubscribe?.();
    client.unsubscribe = null;
    client.report = null;
    client.memberId = null;
    const stillUsed = [...this.clients.values()].some((c) => c.report === report);
    if (!stillUsed) {
      report.close();
      this.reports.delete(report.path);
    }
    this.options.onReportChanged?.(client);
  }

  closeAll(): void {
    for (const c of this.clients.values()) this.detach(c);
    for (const r of this.reports.values()) r.close();
    this.reports.clear();
  }

  async dispatch(clientId: string, name: unknown, rawInput: unknown): Promise<Reply<unknown>> {
    try {
      const client = this.clients.get(clientId);
      if (!client) throw userError('windowGone');
      if (!isMethodName(name)) throw userError('noSuchAction', { name: String(name) });
      const parsed = api[name].input.safeParse(rawInput ?? {});
      if (!parsed.success) throw invalidInput(parsed.error);
      if (this.options.pathsFromDialogs && PATH_METHODS.has(name)) this.assertChosen(client, name, (parsed.data as { path: string }).path);
      const result = await this.run(client, name, parsed.data);
      // What the call wrote is signed before it answers (a write inside a larger transaction is
      // signed once that is over): another program reading the file then finds it signed.
      if (client.report && !client.report.isClosed) client.report.log.signer?.seal();
      return { ok: true, result };
    } catch (e) {
      const said = asUserError(e, this.options.dataDir);
      return { ok: false, error: { message: said.message, code: said.code, ...(said.translatable ?? {}) } };
    }
  }

  /**
   * A new report on a network share or in a synced folder: made on local disk, put there as a
   * closed copy (temporary name, then rename), and opened as any file there is, through a working
   * copy. SQLite never has the file open on the share, not even to create it.
   */
  private createElsewhere(client: Client, target: string, make: (file: string) => { report: OpenReport; creator: Member }): { path: string } {
    if (fs.existsSync(target)) throw userError('fileExists', { file: target });
    if (!fs.existsSync(path.dirname(target))) throw userError('noFolder', { dir: path.dirname(target) });
    const making = path.join(this.options.dataDir, 'working', `new-${randomUUID()}.upr`);
    fs.mkdirSync(path.dirname(making), { recursive: true });
    const { report, creator } = make(making);
    try {
      writeClosedCopy(report.db, target);
    } finally {
      report.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(making + suffix, { force: true });
    }
    const opened = this.attach(client, target);
    client.memberId = creator.id;
    return { path: opened.path };
  }

  /** Makes a new report at `target` with `make` (where it is, or through createElsewhere) and opens it for `client` as its creator. */
  private createAndOpen(client: Client, target: string, make: (file: string) => { report: OpenReport; creator: Member }): { path: string } {
    if ((this.options.locate ?? fileLocation)(target).kind !== 'local') return this.createElsewhere(client, target, make);
    const { report, creator } = make(target);
    this.reports.set(report.path, report);
    this.adopt(client, report);
    client.memberId = creator.id;
    return { path: report.path };
  }

  private async run(client: Client, name: MethodName, input: unknown): Promise<unknown> {
    switch (name) {
      case 'app.recent':
        return this.recent.list();
      case 'app.chooseFile': {
        const { mode, kind } = input as ParsedInput<'app.chooseFile'>;
        const chosen = this.options.chooseFile ? await this.options.chooseFile(client, mode, kind) : null;
        if (chosen !== null) client.chosen.add(path.resolve(chosen));
        return { path: chosen };
      }
      case 'app.newReport': {
        const wanted = input as ParsedInput<'app.newReport'>;
        return this.createAndOpen(client, path.resolve(wanted.path), (file) => createReport({ ...wanted, path: file }));
      }
      case 'app.startNextReport': {
        // Made from the report open in this window, by the member it acts as; then opened in its place.
        const wanted = input as ParsedInput<'app.startNextReport'>;
        const from = this.reportOf(client);
        const next = prepareNextReport({ report: from, me: this.memberOf(client, from), origin: client.id, dataDir: this.options.dataDir }, wanted);
        const opened = this.createAndOpen(client, path.resolve(wanted.path), next.make);
        return { ...opened, recommendations: countRecommendations(this.reportOf(client).db) };
      }
      case 'app.openReport': {
        const file = reportToOpen(path.resolve((input as ParsedInput<'app.openReport'>).path));
        if (client.report?.path !== file && this.options.focusOtherWindowWith?.(client, file)) {
          throw userError('openElsewhere');
        }
        return { path: this.attach(client, file).path };
      }
      case 'app.closeReport': {
        const had = client.report !== null;
        this.detach(client);
        return { closed: had };
      }
      case 'app.current':
        return { path: client.report?.path ?? null };
      case 'session.signIn': {
        const report = this.reportOf(client);
        const member = getMember(report.db, (input as ParsedInput<'session.signIn'>).memberId);
        if (!member) throw userError('notAMember');
        client.memberId = member.id;
        return member;
      }
      case 'session.signOut':
        client.memberId = null;
        return { ok: true };
    }
    if (!isReportMethod(name)) throw userError('noSuchAction', { name });
    const report = this.reportOf(client);
    const handler = reportHandlers[name] as (ctx: unknown, input: unknown) => unknown;
    const ctx = { report, me: this.memberOf(client, report), origin: client.id, dataDir: this.options.dataDir };
    // Who may call it, before it runs (services/access.ts); the write path judges each change again.
    checkAccess(ctx, name, input as never);
    return handler(ctx, input);
  }

  /** In the desktop app, a path must come from this window's dialog (or, to open a report, the recent files). */
  private assertChosen(client: Client, name: MethodName, file: string): void {
    const wanted = path.resolve(file);
    if (client.chosen.has(wanted)) return;
    if (name === 'app.openReport' && (client.report?.path === wanted || this.recent.list().some((r) => path.resolve(r.path) === wanted))) return;
    throw userError('pathNotChosen');
  }

  private reportOf(client: Client): OpenReport {
    if (!client.report || client.report.isClosed) throw userError('noReport');
    return client.report;
  }

  /** Looked up on every call, so a member removed or given another role loses rights at once. */
  private memberOf(client: Client, report: OpenReport): Member | null {
    if (!client.memberId) return null;
    return getMember(report.db, client.memberId) ?? null;
  }
}

function invalidInput(error: z.ZodError): UserError {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : 'request';
  const problem = issue ? issue.message.replace(/^Invalid input: /, 'is invalid: ') : 'is not valid.';
  return userError('invalidInput', { field, problem });
}
