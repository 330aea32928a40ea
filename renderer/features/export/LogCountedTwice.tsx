// The consultation log counted twice: put in a section as a table, its words count against the
// limit, and the inputs annex gives the same log again. Said beside the word count while both are
// so, with the two ways out: a short summary in the table's place (the full log stays the annex),
// or the annex left out. Only while the annex is chosen: a log table without the annex is the log.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ExportCheck } from '../../../shared/api.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { sectionText } from './sectionName.js';

export interface LogCountedTwiceProps {
  log: ExportCheck['words']['log'];
  onLeaveAnnexOut: () => void;
  onOpenSection: (id: string) => void;
}

export function LogCountedTwice({ log, onLeaveAnnexOut, onOpenSection }: LogCountedTwiceProps) {
  const { t } = useTranslation('export');
  const format = useFormat();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const summarize = async (entry: LogCountedTwiceProps['log'][number]) => {
    setBusy(entry.sectionId);
    setFailure(null);
    try {
      await call('inputs.insertLog', { sectionId: entry.sectionId, form: 'summary' });
      announce(t('log.summaryDone', { section: sectionText(entry.label, entry.title) }));
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="ex-card ex-log-twice" aria-labelledby="ex-log-twice-title" data-testid="export-log-twice">
      <h3 id="ex-log-twice-title" className="block-title">
        {t('log.twice')}
      </h3>
      {log.map((entry) => (
        <div key={entry.sectionId} className="ex-log-entry">
          <p>{t('log.inText', { count: entry.words, n: format.number(entry.words), section: sectionText(entry.label, entry.title) })}</p>
          <div className="ex-log-actions">
            <Button className="button button-primary" isPending={busy === entry.sectionId} onPress={() => void summarize(entry)}>
              {t('log.summary')}
            </Button>
            <Button className="button" onPress={onLeaveAnnexOut}>
              {t('log.leaveOut')}
            </Button>
            <Button className="link-button" onPress={() => onOpenSection(entry.sectionId)}>
              {t('log.open', { section: sectionText(entry.label, entry.title) })}
            </Button>
          </div>
        </div>
      ))}
      <p className="ex-note">{t('log.alsoAnnex')}</p>
      {failure ? (
        <p role="alert" className="inline-error">
          {failure}
        </p>
      ) : null}
    </section>
  );
}
