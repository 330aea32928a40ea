// Exchanging with other offices beyond the whole copy: what each office is known to have, sending
// it only the changes it lacks (a packet, ../sync/packet.ts), and merging whatever comes back (a
// copy, packed or not, or a packet) through the one merge of copies (../sync/merge.ts), learning
// from it what its office has. A packet whose base this report lacks is refused before anything is
// read into the report, naming the offices whose copy (or earlier changes) to merge first.
import path from 'node:path';
import type { MergeSummary, ParsedInput, Result } from '../../shared/api.js';
import { userError } from '../../shared/messages.js';
import { getOrganization, listOrganizations } from '../store/queries.js';
import { readReportFile } from '../store/open.js';
import type { OpenReport } from '../store/open-report.js';
import { sentNote } from '../sync/copy.js';
import { mergeCopy, type MergeOptions } from '../sync/merge.js';
import { packetNote, writePacket } from '../sync/packet.js';
import { withUnpacked } from '../sync/received.js';
import { lacking, peerRecord, peerRecords, recordPeer, vectorOf } from '../sync/vectors.js';
import type { ServiceContext } from './context.js';

/** What a received file says of itself before it is merged: the tables read for it are quick-checked first. */
const NOTE_READS = ['meta', 'report', 'organizations', 'members'];

/**
 * Merges a file another office sent (a copy, packed or not, or a packet of changes) into the
 * report, and records what its office has (the vector of the copy, or what the packet's sender
 * had) under that office. `options.shownAs`: the file as the person knows it (browser mode).
 */
export function mergeReceived(report: OpenReport, file: string, options: MergeOptions): MergeSummary {
  const resolved = path.resolve(file);
  const name = path.basename((options.shownAs ?? resolved).replace(/\\/g, '/'));
  return withUnpacked(resolved, name, (plain, packed) => {
    const said = readReportFile(
      plain,
      (other) => ({
        packet: packetNote(other),
        sent: sentNote(other),
        reportId: other.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get() as string | undefined,
        title: (other.prepare('SELECT title FROM report LIMIT 1').pluck().get() as string | undefined) ?? '',
      }),
      { tables: NOTE_READS },
    );
    const packet = said.packet;
    if (packet === 'unreadable') throw userError('damaged', { name });
    if (packet) {
      if (said.reportId !== report.db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get()) throw userError('mergeOtherReport', { name, title: said.title });
      const missing = lacking(vectorOf(report.db), packet.base);
      if (missing.length) {
        const offices = [...new Set(missing.map((r) => packet.baseOffices[r] || packet.to.name))].sort();
        throw userError('changesNeedBase', { name, from: packet.from?.name || packet.by, offices: offices.join(', ') });
      }
    }
    const summary = mergeCopy(report, plain, { ...options, ...(packed || options.shownAs ? { shownAs: options.shownAs ?? resolved } : {}) });
    // What the sending office has, learnt now that its changes are here.
    const office = packet ? packet.from?.organization : said.sent?.organization;
    if (office) {
      const vector = packet ? packet.has : readReportFile(plain, vectorOf, { tables: [] });
      recordPeer(report.db, office, vector, new Date((options.now ?? Date.now)()).toISOString());
    }
    return summary;
  });
}

/** The report's offices, each with when a copy or changes from it were last learnt from (null: never). */
export function listOffices(ctx: ServiceContext): Result<'sharing.offices'> {
  const peers = peerRecords(ctx.report.db);
  return listOrganizations(ctx.report.db).map((o) => ({ id: o.id, name: o.name, heardAt: peers.get(o.id)?.at ?? null }));
}

/** "Send changes to…": a packet of what the office has not seen, as the last copy or changes merged from it show. */
export function sendChanges(ctx: ServiceContext, input: ParsedInput<'sharing.sendChanges'>): Result<'sharing.sendChanges'> {
  const db = ctx.report.db;
  const to = getOrganization(db, input.organizationId);
  if (!to) throw userError('organizationMissing');
  const known = peerRecord(db, to.id);
  if (!known) throw userError('changesNoPeer', { office: to.name });
  const mine = ctx.me ? getOrganization(db, ctx.me.organizationId) : undefined;
  const written = writePacket(db, input.path, {
    from: mine ? { organization: mine.id, name: mine.name } : null,
    by: ctx.me?.name ?? '',
    to: { organization: to.id, name: to.name },
    base: known.vector,
  });
  if (!written) throw userError('changesNothingNew', { office: to.name });
  return written;
}
