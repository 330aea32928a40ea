import { migration0001 } from './0001-initial.js';
import { migration0002 } from './0002-comments.js';
import { migration0003 } from './0003-recommendations.js';
import { migration0004 } from './0004-inputs.js';
import { migration0005 } from './0005-search.js';
import { migration0006 } from './0006-report-cover.js';
import { migration0007 } from './0007-merge.js';
import { migration0008 } from './0008-late-changes.js';
import { migration0009 } from './0009-held-changes.js';
import { migration0010 } from './0010-lock-at-review.js';
import { migration0011 } from './0011-versions.js';
import { migration0012 } from './0012-paragraph-settlements.js';
import { migration0013 } from './0013-masthead.js';
import { migration0014 } from './0014-follow-up.js';
import { migration0015 } from './0015-mechanisms.js';
import type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
