// "Send changes to…": only what an office has not seen yet, as the last copy or changes merged from
// it show; a small file to e-mail. An office nothing has come from yet is listed but cannot be
// chosen: it needs a whole copy first. The list is asked for again after each merge (`heard`).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/api.js';
import { call, inDesktopApp } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { fileName } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { SelectField } from '../../widgets/fields.js';
import { formatSize } from '../inputs/inputRows.js';
import { FileAction } from './FileAction.js';

type Office = Result<'sharing.offices'>[number];

export function SendChanges({ heard }: { heard: number }) {
  const { t, i18n } = useTranslation('sharing');
  const { workspace } = useWorkspace();
  const [offices, setOffices] = useState<Office[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [sent, setSent] = useState<{ path: string; bytes: number; office: string; downloaded: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    call('sharing.offices', {}).then(
      (list) => {
        if (!live) return;
        setOffices(list);
        setLoadError(null);
      },
      (e: unknown) => live && setLoadError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [workspace.path, heard]);

  const chosen = offices?.find((o) => o.id === to && o.heardAt) ?? null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const stem = fileName(workspace.path ?? 'report.upr').replace(/\.upr$/i, '');
  return (
    <FileAction
      id="sh-changes"
      mode="save"
      kind="changes"
      title={t('changes.title')}
      lead={t('changes.lead')}
      button={t('changes.button')}
      disabled={!chosen}
      downloadName={`${stem} (${t('changes.fileFor', { office: chosen?.name ?? '' })})`}
      working={t('changes.working')}
      failed={(message) => t('changes.failed', { message })}
      fields={
        loadError ? (
          <p role="alert" className="inline-error">
            {loadError}
          </p>
        ) : (
          <SelectField
            label={t('changes.to')}
            placeholder={t('changes.choose')}
            value={chosen?.id ?? null}
            onChange={(id) => {
              setTo(id);
              setSent(null);
            }}
            options={(offices ?? []).map((o) => ({ id: o.id, label: o.heardAt ? o.name : t('changes.notHeard', { office: o.name }) }))}
            disabledKeys={(offices ?? []).filter((o) => !o.heardAt).map((o) => o.id)}
            description={chosen ? t('changes.heard', { office: chosen.name, when: date.format(new Date(chosen.heardAt!)) }) : t('changes.onlyHeard')}
          />
        )
      }
      run={async (path) => {
        if (!chosen) return;
        setSent(null);
        const done = await call('sharing.sendChanges', { path, organizationId: chosen.id });
        setSent({ path: inDesktopApp() ? done.path : fileName(done.path), bytes: done.bytes, office: chosen.name, downloaded: !inDesktopApp() });
      }}
    >
      {sent ? (
        <p className="sh-done">
          <span aria-hidden="true">✓ </span>
          <bdi>{t(sent.downloaded ? 'changes.downloaded' : 'changes.done', { path: sent.path, office: sent.office, size: formatSize(sent.bytes, i18n.language).replace(' ', '\u00a0') })}</bdi>
        </p>
      ) : null}
    </FileAction>
  );
}
