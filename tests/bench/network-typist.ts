// One office in the network load test (./network-load.ts): its own copy of the report, connected to
// the office server, typing in its section through a bound headless editor (a keystroke is a Yjs
// update stored by the text write path, as the app's editor stores it) and adding comments (rows
// of fields) now and then, for the given time. Every text update taken in from another office is
// timed from its stamp (the moment it was stored there; same clock on this machine) to now.
// Prints one JSON line when done: {"done":true,"latencies":[...],"typed":N,"fields":N}; then answers
// "digest" on stdin with a hash of its texts and comments, "quit" to leave.
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { $createParagraphNode, $createTextNode, $getRoot, $isParagraphNode, $isTextNode, type ParagraphNode } from 'lexical';
import * as Y from 'yjs';
import { bindHeadless } from '../../electron/docs/headless.js';
import { readSectionText, textState } from '../../electron/docs/section-text.js';
import { NetworkClient } from '../../electron/network/client.js';
import { createComment } from '../../electron/services/comments.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { getMember, listSections } from '../../electron/store/queries.js';
import { parseStamp } from '../../electron/sync/hlc.js';
import { FileKeyStore } from '../../electron/sync/signing.js';
import { writeText } from '../../electron/sync/text-log.js';

const { values, positionals } = parseArgs({
  options: {
    server: { type: 'string' },
    invitation: { type: 'string' },
    as: { type: 'string' },
    section: { type: 'string' },
    seconds: { type: 'string' },
    'keystroke-ms': { type: 'string' },
    'field-s': { type: 'string' },
  },
  allowPositionals: true,
});
const report = OpenReport.open(positionals[0]!);
if (report.log.signer) report.log.signer.store = new FileKeyStore(path.join(process.env.UPR_DATA_DIR!, 'keys'));
const me = getMember(report.db, report.db.prepare('SELECT id FROM members WHERE name = ?').pluck().get(values.as) as string)!;
const section = listSections(report.db).find((s) => s.title === values.section)!;
const say = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
const latencies: number[] = [];
let connected = false;

const client = new NetworkClient(
  report,
  { address: values.server!, invitation: values.invitation!, device: `bench-${me.id}`, ca: null },
  {
    onStatus: (s) => {
      if (s.kind === 'connected') connected = true;
      if (s.kind === 'refused') say({ error: s.problem });
    },
    onTaken: (taken, catchUp) => {
      if (catchUp) return;
      const now = Date.now();
      for (const t of taken.texts) latencies.push(now - parseStamp(t.hlc)!.millis);
    },
  },
);
client.start();

// The office's editor: a document bound to a headless Lexical editor, as the app's editor is.
const doc = new Y.Doc();
const bound = bindHeadless(doc);
Y.applyUpdate(doc, textState(report.db, section.id), 'load');
bound.editor.update(() => {}, { discrete: true });
const made: Uint8Array[] = [];
doc.on('update', (update: Uint8Array, origin: unknown) => {
  if (origin !== 'load') made.push(update);
});

const WORDS = 'the ministry adopted a national action plan on human rights and reported on its implementation to parliament'.split(' ');
let typed = 0;
let fields = 0;
function keystroke(): void {
  const word = WORDS[typed % WORDS.length]!;
  const newParagraph = typed % 60 === 0;
  bound.editor.update(
    () => {
      const root = $getRoot();
      const lastBlock = root.getLastChild();
      let p: ParagraphNode;
      if (lastBlock && $isParagraphNode(lastBlock) && !newParagraph) p = lastBlock;
      else {
        p = $createParagraphNode();
        root.append(p);
      }
      const last = p.getLastChild();
      // A keystroke: the next letters of the next word (a word at a time keeps it readable).
      if ($isTextNode(last)) last.setTextContent(`${last.getTextContent()} ${word}`);
      else p.append($createTextNode(word));
    },
    { discrete: true },
  );
  for (const update of made.splice(0)) writeText(report, section.id, update, me.id, 'edit');
  report.emit({ kind: 'text', sectionId: section.id, update: '', origin: 'typist' });
  typed++;
}

function field(): void {
  createComment({ report, me }, { id: randomUUID(), sectionId: section.id, type: 'editorial', body: `Comment ${fields} by ${me.name}`, proposed: '' });
  fields++;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = Number(values.seconds ?? 60);
const keystrokeMs = Number(values['keystroke-ms'] ?? 1000);
const fieldMs = Number(values['field-s'] ?? 20) * 1000;

async function run(): Promise<void> {
  while (!connected) await wait(50);
  say({ ready: true });
  const until = Date.now() + seconds * 1000;
  let nextField = Date.now() + Math.random() * fieldMs;
  while (Date.now() < until) {
    // Keystrokes at random intervals around the mean (people type in bursts and pauses).
    await wait(-Math.log(1 - Math.random()) * keystrokeMs);
    keystroke();
    if (Date.now() >= nextField) {
      field();
      nextField += fieldMs;
    }
  }
  await client.sent(60_000);
  say({ done: true, latencies, typed, fields });
}

function digest(): string {
  const h = createHash('sha256');
  for (const s of listSections(report.db)) h.update(`${s.id}\u0000${readSectionText(report.db, s.id).plain}\u0000`);
  for (const b of report.db.prepare('SELECT body FROM comments ORDER BY id').pluck().all() as string[]) h.update(b);
  return h.digest('hex');
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'digest') say({ digest: digest(), held: report.db.prepare('SELECT count(*) FROM held_changes').pluck().get() });
  if (line === 'quit') {
    void client.stop().then(() => {
      report.close();
      process.exit(0);
    });
  }
});
void run();
