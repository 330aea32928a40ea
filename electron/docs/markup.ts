// A section's text with its changes since a version marked, as Word's "All markup" shows them: the
// words inserted since then and those deleted, each with who made the change and when. The
// document keeps every item ever inserted (nothing garbage-collected), each made by one Yjs client;
// each stored update is one person's, so the client that inserted a word names its author, and the
// update whose delete set covers a word names who deleted it.
import * as Y from 'yjs';
import type { MarkedParagraph, MarkedRun } from '../../shared/versions.js';
import { prepared, type DB } from '../store/open.js';
import { BLOCKS_IN, historyDoc, typeOf, usableSnapshot } from './version-text.js';

interface Who {
  by: string;
  at: string;
}

/** Who made each client's insertions, and who deleted what, from the section's stored updates. */
function attribution(db: DB, sectionId: string): { inserted: (client: number) => Who | undefined; deleted: (id: Y.ID) => Who | undefined } {
  const rows = prepared(
    db,
    `SELECT u.data, u.hlc, coalesce(m.name, u.author) AS name FROM section_updates AS u LEFT JOIN members AS m ON m.id = u.author
     WHERE u.section_id = ? AND NOT EXISTS (SELECT 1 FROM held_changes AS h WHERE h.kind = 'text' AND h.hlc = u.hlc) ORDER BY u.hlc`,
  ).all(sectionId) as Array<{ data: Uint8Array; hlc: string; name: string }>;
  const clients = new Map<number, Who>();
  const deletions = new Map<number, Array<{ from: number; to: number; who: Who }>>();
  for (const r of rows) {
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(r.data);
    } catch {
      continue;
    }
    const who = { by: r.name, at: r.hlc.slice(0, 24) };
    for (const s of decoded.structs) if (!clients.has(s.id.client) || (s as { content?: unknown }).content !== undefined) clients.set(s.id.client, who);
    for (const [client, items] of decoded.ds.clients) {
      const list = deletions.get(client) ?? [];
      for (const item of items) list.push({ from: item.clock, to: item.clock + item.len, who });
      deletions.set(client, list);
    }
  }
  return {
    inserted: (client) => clients.get(client),
    // The earliest update that deleted it (a later one may only repeat the deletion).
    deleted: (id) => deletions.get(id.client)?.find((d) => id.clock >= d.from && id.clock < d.to)?.who,
  };
}

/** What Lexical's binding nests: an element's text, or a decorator. */
type Shared = Y.XmlText | Y.XmlElement;


/**
 * The section's paragraphs now (or at the version whose snapshot is `until`), with what changed
 * since `snapshot` (a version's) marked; unmarked when `snapshot` is null. Null when this file
 * cannot rebuild either version's text (it lacks updates the version saw).
 */
export function markedParagraphs(db: DB, sectionId: string, updates: readonly Uint8Array[], snapshot: string | null, until: string | null = null): MarkedParagraph[] | null {
  const doc = historyDoc(updates);
  try {
    const then = snapshot === null ? Y.snapshot(doc) : usableSnapshot(doc, snapshot);
    const end = until === null ? null : usableSnapshot(doc, until);
    if (!then || (until !== null && !end)) return null;
    const visibleEnd = (n: Y.Item) => (end ? n.id.clock < (end.sv.get(n.id.client) ?? 0) && !Y.isDeleted(end.ds, n.id) : !n.deleted);
    const who = attribution(db, sectionId);
    const out: MarkedParagraph[] = [];
    const visibleThen = (n: Y.Item) => n.id.clock < (then.sv.get(n.id.client) ?? 0) && !Y.isDeleted(then.ds, n.id);
    const change = (n: Y.Item): Pick<MarkedRun, 'change' | 'by' | 'at'> => {
      const before = visibleThen(n);
      const now = visibleEnd(n);
      if (before && !now) {
        const w = who.deleted(n.id);
        return { change: 'deleted', ...(w ? { by: w.by, at: w.at } : {}) };
      }
      if (!before && now) {
        const w = who.inserted(n.id.client);
        return { change: 'inserted', ...(w ? { by: w.by, at: w.at } : {}) };
      }
      return {};
    };
    const push = (runs: MarkedRun[], run: MarkedRun) => {
      const last = runs[runs.length - 1];
      if (last && last.change === run.change && last.by === run.by && last.at === run.at) last.text += run.text;
      else runs.push(run);
    };
    const inline = (type: Shared, runs: MarkedRun[], nested: Shared[]) => {
      for (let n = type._start; n !== null; n = n.right) {
        if (!visibleThen(n) && !visibleEnd(n)) continue;
        if (n.content instanceof Y.ContentString) push(runs, { text: n.content.str, ...change(n) });
        else if (n.content instanceof Y.ContentType) {
          const child = n.content.type as Shared;
          if (child instanceof Y.XmlText) {
            if (typeOf(child) === 'list') nested.push(child);
            else inline(child, runs, nested);
          } else if (child instanceof Y.XmlElement) {
            const note = child.getAttribute('__text');
            const number = child.getAttribute('__number');
            const text = typeof note === 'string' ? ` [${note}]` : typeof number === 'string' ? number : '';
            if (text) push(runs, { text, ...change(n) });
          }
        }
      }
    };
    const blocks = (type: Shared, kind: string) => {
      if (kind === 'tablerow') {
        const runs: MarkedRun[] = [];
        let first = true;
        for (let n = type._start; n !== null; n = n.right) {
          if (!(n.content instanceof Y.ContentType) || (!visibleThen(n) && !visibleEnd(n))) continue;
          if (!first) push(runs, { text: ' | ' });
          first = false;
          const nested: Shared[] = [];
          for (let c = (n.content.type as Shared)._start; c !== null; c = c.right) if (c.content instanceof Y.ContentType) inline(c.content.type as Shared, runs, nested);
        }
        out.push({ runs });
        return;
      }
      if (BLOCKS_IN.has(kind) || kind === 'table') {
        for (let n = type._start; n !== null; n = n.right) {
          if (!(n.content instanceof Y.ContentType) || (!visibleThen(n) && !visibleEnd(n))) continue;
          const at = out.length;
          blocks(n.content.type as Shared, typeOf(n.content.type as Shared));
          // A block added or removed whole is said so, on each of its paragraphs.
          const whole = change(n).change;
          if (whole) for (const p of out.slice(at)) p.block = whole;
        }
        return;
      }
      const runs: MarkedRun[] = [];
      const nested: Shared[] = [];
      inline(type, runs, nested);
      if (runs.some((r) => r.text.trim())) out.push({ runs });
      for (const list of nested) blocks(list, 'list');
    };
    blocks(doc.get('root', Y.XmlText), 'root');
    return out.map((p) => ({ ...p, runs: wholeWords(p.runs) }));
  } finally {
    doc.destroy();
  }
}

/**
 * Changes widened to whole words, as Word marks them: the text stores "adopted" changed to "passed"
 * as "adopt" deleted, "pass" inserted and "ed" kept; a reader sees "adopted" struck through and
 * "passed" inserted. Each widened change keeps who made it (the first of its part).
 */
export function wholeWords(runs: readonly MarkedRun[]): MarkedRun[] {
  const rest = runs.map((r) => ({ ...r }));
  const out: MarkedRun[] = [];
  let i = 0;
  while (i < rest.length) {
    if (!rest[i]!.change) {
      out.push(rest[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < rest.length && rest[j]!.change) j++;
    const group = rest.slice(i, j);
    const before = out[out.length - 1];
    const after = rest[j];
    // Only where the change starts or ends inside a word.
    const pre = before && !before.change && /^\S/.test(group[0]!.text) ? (/\S*$/.exec(before.text)?.[0] ?? '') : '';
    const post = after && /\S$/.test(group[group.length - 1]!.text) ? (/^\S*/.exec(after.text)?.[0] ?? '') : '';
    if (!pre && !post) {
      out.push(...group);
      i = j;
      continue;
    }
    if (pre) {
      before!.text = before!.text.slice(0, before!.text.length - pre.length);
      if (!before!.text) out.pop();
    }
    if (post) after!.text = after!.text.slice(post.length);
    const deleted = group.filter((r) => r.change === 'deleted');
    const inserted = group.filter((r) => r.change === 'inserted');
    const who = (r: MarkedRun | undefined) => (r?.by ? { by: r.by, ...(r.at ? { at: r.at } : {}) } : {});
    out.push({ text: pre + deleted.map((r) => r.text).join('') + post, change: 'deleted', ...who(deleted[0] ?? inserted[0]) });
    out.push({ text: pre + inserted.map((r) => r.text).join('') + post, change: 'inserted', ...who(inserted[0] ?? deleted[0]) });
    // An emptied neighbour is dropped.
    if (after && !after.text) rest.splice(j, 1);
    i = j;
  }
  return out.filter((r) => r.text !== '');
}
