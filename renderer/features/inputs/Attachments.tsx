// The files attached to an input: each with its name, kind and size, opened read-only in the app or
// saved as a copy; the secretariat attaches more and removes them. In the desktop app the file is
// chosen with the system's dialog and read from disk by the main process (up to 50 MB). In browser
// mode the page reads it and sends it as base64 through the API, which takes up to 12 MB; a larger
// one gets a message saying so.
import { useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { bytesToBase64 } from '../../../shared/base64.js';
import type { Attachment, ConsultationInput } from '../../../shared/domain.js';
import { call, inDesktopApp } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { ConfirmDialog } from '../../widgets/dialogs.js';
import { AttachmentViewer } from './AttachmentViewer.js';
import { API_ATTACHMENT_BYTES, fileKind, formatSize } from './inputRows.js';
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
    if (file.size > API_ATTACHMENT_BYTES) {
      setError(t('files.tooLarge', { name: file.name, size: formatSize(file.size, locale), limit: formatSize(API_ATTACHMENT_BYTES, locale) }));
      return;
    }
    setAttaching(file.name);
    try {
      const data = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      await call('inputs.attach', { inputId: input.id, name: file.name, mediaType: file.type, data });
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
