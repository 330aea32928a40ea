// Paragraphs both copies edited since they parted, not settled yet: the merge joined the two edits
// character by character, which can run sentences together, so each is shown three ways (as both
// copies had it when they parted, this report's, the copy's, with the words each side changed
// marked) and the merged one below (marked against the common text), with one click to keep this
// report's paragraph, the copy's, or the merged one, or to write it anew. Until settled it stays
// here and among the Export view's blockers.
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiEvent, FlaggedParagraph } from '../../../shared/api.js';
import { asRulesSeeIt, denySectionText } from '../../../shared/permissions.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { useLiveLoad } from '../../app/useLiveLoad.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { TextAreaInput } from '../../widgets/fields.js';
import { Redline } from '../../widgets/Redline.js';
import { localTime } from './fieldNames.js';

const fetchFlags = () => call('sharing.flags', {});
/** A merge, a settlement or an edit elsewhere changes what is flagged. */
const freshness = (event: ApiEvent) => (event.kind === 'changed' && event.what.some((w) => w === 'sections' || w === 'words') ? ('now' as const) : event.kind === 'text' ? ('settle' as const) : null);

export function FlaggedParagraphs() {
  const { t } = useTranslation('sharing');
  const { value: flags, error, reload } = useLiveLoad(fetchFlags, freshness);
  if (!error && (flags === null || flags.length === 0)) return null;
  return (
    <section className="sh-card sh-flags" aria-labelledby="sh-flags-title" data-testid="flagged-paragraphs">
      <h3 id="sh-flags-title" className="block-title">
        {t('flags.title')}
        {flags?.length ? <span className="sh-badge">{t('flags.count', { count: flags.length })}</span> : null}
      </h3>
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : (
        <>
          <p className="sh-note">{t('flags.lead')}</p>
          {flags!.map((f) => (
            <Flag key={`${f.sectionId}:${f.blockId}`} flag={f} onSettled={() => void reload()} />
          ))}
        </>
      )}
    </section>
  );
}

function Flag({ flag, onSettled }: { flag: FlaggedParagraph; onSettled: () => void }) {
  const { t, i18n } = useTranslation('sharing');
  const announce = useAnnounce();
  const { workspace } = useWorkspace();
  const section = workspace.sections.find((s) => s.id === flag.sectionId);
  const mayWrite = section ? denySectionText(workspace.me, asRulesSeeIt(section, workspace.report)) === null : false;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(flag.merged);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const id = `sh-flag-${flag.sectionId}-${flag.blockId.replace(':', '-')}`;

  const settle = async (keep: 'local' | 'other' | 'merged' | 'edited') => {
    setBusy(true);
    setFailure(null);
    try {
      await call('sharing.settleParagraph', { sectionId: flag.sectionId, blockId: flag.blockId, keep, ...(keep === 'edited' ? { text: draft } : {}) });
      announce(t('flags.settled', { section: `${flag.label} ${flag.title}` }));
      onSettled();
    } catch (e) {
      setFailure(t('flags.failed', { message: messageOf(e) }));
    } finally {
      setBusy(false);
    }
  };

  const side = (key: string, heading: string, text: string, against?: string) => (
    <section className="sh-text" aria-labelledby={`${id}-${key}`}>
      <h5 id={`${id}-${key}`} className="sh-subtitle">
        {heading}
      </h5>
      <div className="sh-text-body" dir="auto" data-testid={`flag-${key}`}>
        {!text.trim() ? (
          <span className="muted">{t('flags.deleted')}</span>
        ) : against === undefined ? (
          text
        ) : (
          <Redline from={against} to={text} insertedLabel={t('compare.inserted')} deletedLabel={t('compare.deleted')} tooLong={t('compare.tooLong')} />
        )}
      </div>
    </section>
  );

  return (
    <article className="sh-flag" aria-labelledby={id} data-testid="flag">
      <h4 id={id} className="sh-flag-title">
        <bdi>
          {flag.label} {flag.title}
        </bdi>
        <span className="sh-note"> · {t('flags.mergedAt', { when: localTime(flag.mergedAt, i18n.language) })}</span>
      </h4>
      <div className="sh-sides sh-sides-3">
        {side('common', t('flags.common'), flag.common)}
        {side('local', t('flags.local'), flag.local, flag.common)}
        {side('other', t('flags.other'), flag.other, flag.common)}
      </div>
      {side('merged', t('flags.merged'), flag.merged, flag.common)}
      {mayWrite ? (
        editing ? (
          <Form
            className="sh-flag-edit"
            onSubmit={(e) => {
              e.preventDefault();
              void settle('edited');
            }}
          >
            <TextAreaInput label={t('flags.editLabel')} value={draft} onChange={setDraft} rows={4} />
            <div className="sh-flag-buttons">
              <Button type="submit" className="button button-primary" isDisabled={busy || !draft.trim()}>
                {t('flags.saveEdit')}
              </Button>
              <Button className="button" onPress={() => setEditing(false)}>
                {t('flags.cancelEdit')}
              </Button>
            </div>
          </Form>
        ) : (
          <div className="sh-flag-buttons" role="group" aria-label={t('flags.choose')}>
            <Button className="button" isDisabled={busy} onPress={() => void settle('local')}>
              {t('flags.keepLocal')}
            </Button>
            <Button className="button" isDisabled={busy} onPress={() => void settle('other')}>
              {t('flags.keepOther')}
            </Button>
            <Button className="button" isDisabled={busy} onPress={() => void settle('merged')}>
              {t('flags.keepMerged')}
            </Button>
            <Button className="button" isDisabled={busy} onPress={() => setEditing(true)}>
              {t('flags.edit')}
            </Button>
          </div>
        )
      ) : (
        <p className="sh-note">{t('flags.notYours')}</p>
      )}
      {failure ? (
        <p role="alert" className="inline-error">
          {failure}
        </p>
      ) : null}
    </article>
  );
}
