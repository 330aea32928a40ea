// An office's app, headless, for the office-server tests and the load bench: its own report file,
// connected to the server by the Node client (electron/network/client.ts), signing with its keys
// in its data folder (UPR_DATA_DIR). Typing and field edits go through the same write paths as the
// app's (the text write path, the sections service). Driven by JSON lines on stdin, answering on stdout:
//   {"id":1,"do":"type","section":"Methodology","words":"..."}   a paragraph at the end of a section
//   {"id":2,"do":"comment","section":"Methodology","body":"..."}  a comment (its fields)
//   {"id":3,"do":"sent"}       waits until the server has acknowledged all made here
//   {"id":4,"do":"state"}      the texts, titles, log and held changes, to compare
//   {"id":5,"do":"offline"} / {"id":6,"do":"online"}   the network gone, and back
//   {"id":7,"do":"quit"}       sends what waits, disconnects, exits
// and telling {"status":...} as it changes, {"took":...} when rows come from others.
// Usage: tsx tests/e2e/network-office.ts FILE --server URL --invitation CODE --as NAME [--device KEY] [--ca FILE]
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { editSection } from '../../electron/docs/headless.js';
import { readSectionText, textUpdates } from '../../electron/docs/section-text.js';
import { NetworkClient } from '../../electron/network/client.js';
import { createComment } from '../../electron/services/comments.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { getMember, listSections } from '../../electron/store/queries.js';
import { FileKeyStore } from '../../electron/sync/signing.js';
import { writeText } from '../../electron/sync/text-log.js';

const { values, positionals } = parseArgs({
  options: { server: { type: 'string' }, invitation: { type: 'string' }, as: { type: 'string' }, device: { type: 'string' }, ca: { type: 'string' } },
  allowPositionals: true,
});
const file = positionals[0]!;
const dataDir = process.env.UPR_DATA_DIR!;
const report = OpenReport.open(file);
if (report.log.signer) report.log.signer.store = new FileKeyStore(path.join(dataDir, 'keys'));
const me = getMember(report.db, report.db.prepare('SELECT id FROM members WHERE name = ?').pluck().get(values.as) as string)!;
const ctx = { report, me };
const say = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
const section = (title: string) => listSections(report.db).find((s) => s.title.startsWith(title))!;

const connect = () => new NetworkClient(
  report,
  { address: values.server!, invitation: values.invitation!, device: values.device ?? `device-of-${me.id}`, ca: values.ca ? fs.readFileSync(values.ca, 'utf8') : null },
  {
    onStatus: (s) => say({ status: s }),
    onTaken: (t) => {
      if (t.changes.length || t.texts.length) say({ took: { changes: t.changes.length, texts: t.texts.length, held: t.held.length, at: Date.now() } });
    },
  },
);
let client = connect();
client.start();

function state() {
  const sections = listSections(report.db);
  return {
    texts: Object.fromEntries(sections.map((s) => [s.id, readSectionText(report.db, s.id).plain])),
    comments: report.db.prepare('SELECT body FROM comments ORDER BY body').pluck().all(),
    log: report.db.prepare('SELECT count(*) FROM change_log').pluck().get(),
    held: report.db.prepare('SELECT kind, reason FROM held_changes').all(),
    conflicts: report.db.prepare('SELECT tbl, col FROM merge_conflicts').all(),
  };
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  void (async () => {
    const cmd = JSON.parse(line) as { id: number; do: string; section?: string; words?: string; body?: string };
    try {
      if (cmd.do === 'type') {
        const s = section(cmd.section!);
        const update = editSection(textUpdates(report.db, s.id), () => {
          $getRoot().append($createParagraphNode().append($createTextNode(cmd.words!)));
        });
        writeText(report, s.id, update, me.id, 'edit');
        report.emit({ kind: 'text', sectionId: s.id, update: '', origin: 'office' });
        say({ reply: cmd.id, ok: true });
      } else if (cmd.do === 'comment') {
        createComment(ctx, { id: randomUUID(), sectionId: section(cmd.section!).id, type: 'editorial', body: cmd.body!, proposed: '' });
        say({ reply: cmd.id, ok: true });
      } else if (cmd.do === 'sent') {
        say({ reply: cmd.id, ok: await client.sent(15_000) });
      } else if (cmd.do === 'offline') {
        // The network gone: the office works on in its file.
        await client.stop();
        say({ reply: cmd.id, ok: true });
      } else if (cmd.do === 'online') {
        client = connect();
        client.start();
        say({ reply: cmd.id, ok: true });
      } else if (cmd.do === 'state') {
        say({ reply: cmd.id, state: state() });
      } else if (cmd.do === 'quit') {
        await client.stop();
        report.close();
        say({ reply: cmd.id, ok: true });
        process.exit(0);
      }
    } catch (e) {
      say({ reply: cmd.id, error: (e as Error).message });
    }
  })();
});
process.on('SIGTERM', () => {
  void client.stop().finally(() => {
    report.close();
    process.exit(0);
  });
});
