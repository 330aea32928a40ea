// Which file is open (issue 13, point 9): a copy sent from the app says from which file, by whom and
// when; the original says nothing of the kind; a note edited by hand into nonsense reads as none.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { loadWorkspace } from '../../electron/services/report.js';
import { sendCopy } from '../../electron/services/sharing.js';
import { reportToOpen } from '../../electron/sync/received.js';
import { tempDir } from './helpers.js';
import { actIn } from './office.js';

describe('a copy sent to another office', () => {
  it('says where it came from and who sent it; the original and a copy made otherwise do not', () => {
    const dir = tempDir();
    const file = path.join(dir, 'veridia.upr');
    createDemoReport(file).close();
    const here = actIn(file);
    expect(loadWorkspace(here.ctx).sentCopy).toBeNull();
    // Sent packed (for-justice.uprz), and opened as the report it unpacks to beside it.
    const copy = reportToOpen(sendCopy(here.ctx, { path: path.join(dir, 'for-justice.upr') }).path);
    expect(loadWorkspace(here.ctx).sentCopy).toBeNull();
    here.report.close();

    const there = actIn(copy, 'David Okafor');
    expect(loadWorkspace(there.ctx).sentCopy).toEqual({ from: 'veridia.upr', by: 'Maria Santos', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    there.report.close();

    const db = new Database(copy);
    db.prepare("UPDATE meta SET value = '{\"from\": 3}' WHERE key = 'sent_copy'").run();
    db.close();
    const edited = actIn(copy, 'David Okafor');
    expect(loadWorkspace(edited.ctx).sentCopy).toBeNull();
    edited.report.close();
  });
});
