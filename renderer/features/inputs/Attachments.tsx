// The files attached to an input: each with its name, kind and size, opened read-only in the app or
// saved as a copy (a PDF, in browser mode, opened in the browser's own viewer); the secretariat
// attaches more and removes them. In the desktop app the file is chosen with the system's dialog; in
// browser mode with the browser's chooser, and sent to the server first. Either way the main process
// reads it from disk, up to 50 MB.
import { useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Attachment, ConsultationInput } from '../../../shared/domain.js';
import { call, inDesktopApp } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { ConfirmDialog } from '../../widgets/dialogs.js';
import { runOnChosenFile } from '../../widgets/file-choice.js';
import { AttachmentViewer } from './AttachmentViewer.js';
import { fileKind, formatSize } from './inputRows.js';
import { fileName } from '../../app/format.js';

export interface AttachmentsProps {
  input: ConsultationInput;
  mayChange: boolean;
  onChanged: () => void;
}

export function Attachments({ input, mayChange, onChanged }: AttachmentsProps) {
  const { t, i18n } = useTranslation('inputs');
  const announce = useAnnounce();
  const [opened, setOpened] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [attaching, setAttaching] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const locale = i18n.language;

  /** The desktop app: the system's dialog, then the main process reads the file. */
  const attachFromDisk = async () => {
    setError(null);
    try {
      const { path } = await call('app.chooseFile', { mode: 'open', kind: 'attachment' });
      if (!path) return;
      const name = fileName(path);
      setAttaching(name);
      await call('inputs.attachFile', { inputId: input.id, path });
      announce(t('files.attached', { name, title: input.title }));
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setAttaching(null);
    }
  };

  const attach = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setError(null);
    setAttaching(file.name);
    try {
      await runOnChosenFile(file, (path) => call('inputs.attachFile', { inputId: input.id, path, name: file.name, mediaType: file.type }));
      announce(t('files.attached', { name: file.name, title: input.title }));
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setAttaching(null);
    }
  };

  return (
    <div className="in-files">
      <h4 className="in-subtitle">{t('files.title')}</h4>
      {input.attachments.length ? (
        <ul className="plain-list in-file-list">
          {input.attachments.map((a) => {
            const kind = fileKind(a.mediaType, a.name);
            return (
              <li key={a.id} className="in-file">
                <div className="in-file-about">
                  <span className="in-file-name" dir="auto">
                    {a.name}
                  </span>
                  <span className="muted in-file-meta">
                    {kind ? t(`files.type.${kind}`) : a.mediaType} · {formatSize(a.size, locale)}
                  </span>
                </div>
                <div className="in-file-actions">
                  <Button className="button button-small" aria-label={t('files.openLabel', { name: a.name })} onPress={() => setOpened(a)}>
                    {t('files.open')}
                  </Button>
                  {mayChange ? (
                    <Button className="button button-small button-quiet" aria-label={t('files.removeLabel', { name: a.name })} onPress={() => setRemoving(a)}>
                      {t('files.remove')}
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="table-screen-none">{t('files.none')}</p>
      )}
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      {mayChange ? (
        inDesktopApp() ? (
          <Button className="button button-small" isPending={attaching !== null} onPress={() => void attachFromDisk()}>
            {attaching ? t('files.attaching', { name: attaching }) : t('files.add')}
          </Button>
        ) : (
          <FileTrigger onSelect={(files) => void attach(files)}>
            <Button className="button button-small" isPending={attaching !== null}>
              {attaching ? t('files.attaching', { name: attaching }) : t('files.add')}
            </Button>
          </FileTrigger>
        )
      ) : null}
      {opened ? <AttachmentViewer attachment={opened} onClose={() => setOpened(null)} /> : null}
      {removing ? (
        <ConfirmDialog
          isOpen
          onClose={() => setRemoving(null)}
          title={t('files.removeTitle', { name: removing.name })}
          message={<p>{t('files.removeText')}</p>}
          confirmLabel={t('files.remove')}
          destructive
          onConfirm={async () => {
            await call('inputs.detach', { id: removing.id });
            announce(t('files.removed', { name: removing.name, title: input.title }));
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
