// Acting in a report file as one of its members, as an office does in its own copy: the service
// context, a section found by the start of its title, and typing a paragraph at the end of one
// (headless, stored as the editor stores it). Used by the merge tests and the sharing e2e test.
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { editSection } from '../../electron/docs/headless.js';
import { textUpdates } from '../../electron/docs/section-text.js';
import { writeText } from '../../electron/sync/text-log.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { getMember, listSections } from '../../electron/store/queries.js';

/** Opens `file` to act in it as the member named `who`, or as its secretariat. */
export function actIn(file: string, who?: string) {
  const report = OpenReport.open(file);
  const id = (
    who === undefined
      ? report.db.prepare("SELECT id FROM members WHERE role = 'secretariat' LIMIT 1").pluck().get()
      : report.db.prepare('SELECT id FROM members WHERE name = ?').pluck().get(who)
  ) as string;
  const me = getMember(report.db, id)!;
  const section = (title: string) => listSections(report.db).find((s) => s.title.startsWith(title))!;
  const type = (title: string, words: string) => {
    const s = section(title);
    const update = editSection(textUpdates(report.db, s.id), () => {
      $getRoot().append($createParagraphNode().append($createTextNode(words)));
    });
    writeText(report, s.id, update, me.id, 'edit');
  };
  return { report, me, ctx: { report, me }, section, type };
}

/** A closed copy of `from` written at `to`, as Send a copy writes one; its path. */
export function sendCopyOf(from: string, to: string): string {
  const r = OpenReport.open(from);
  try {
    return writeClosedCopy(r.db, to).path;
  } finally {
    r.close();
  }
}
