// An attachment opened read-only, safely: its bytes fetched through the API, plain text (CSV,
// Markdown) shown as text, raster images drawn from a data: URL (the CSP allows data: images and
// nothing looser), a PDF in browser mode offered to the browser's own PDF viewer in a new tab (the
// server shows a file there only if it is a PDF), and everything else (Word, HTML, SVG) never
// rendered: only saved as a copy, through a blob: URL that is dropped when the dialog closes.
import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { base64ToBytes } from '../../../shared/base64.js';
import type { Attachment } from '../../../shared/domain.js';
import { attachmentViewUrl, call, inDesktopApp } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { viewOf } from './inputRows.js';

/** Text beyond this many characters is left to the saved copy: a dialog is no place for a book. */
const SHOWN_CHARACTERS = 200_000;

type Opened =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'text'; text: string; truncated: boolean; saveUrl: string }
  | { kind: 'image'; src: string; saveUrl: string }
  | { kind: 'pdf'; viewUrl: string; saveUrl: string }
  | { kind: 'save'; saveUrl: string };

export function AttachmentViewer({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const { t } = useTranslation('inputs');
  const format = useFormat();
  const [opened, setOpened] = useState<Opened>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    let saveUrl: string | null = null;
    void (async () => {
      try {
        const content = await call('inputs.attachment', { id: attachment.id });
        if (!live) return;
        const bytes = base64ToBytes(content.data);
        // A download, whatever the file says it is: the browser never opens it in a tab of the app.
        saveUrl = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
        const view = viewOf(content.mediaType, content.name);
        if (view === 'text') {
          const text = new TextDecoder('utf-8').decode(bytes);
          setOpened({ kind: 'text', text: text.slice(0, SHOWN_CHARACTERS), truncated: text.length > SHOWN_CHARACTERS, saveUrl });
        } else if (view === 'image') {
          setOpened({ kind: 'image', src: `data:${content.mediaType};base64,${content.data}`, saveUrl });
        } else if (view === 'pdf' && !inDesktopApp() && new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-') {
          const viewUrl = await attachmentViewUrl(attachment.id);
          if (live) setOpened({ kind: 'pdf', viewUrl, saveUrl });
        } else {
          setOpened({ kind: 'save', saveUrl });
        }
      } catch (e) {
        if (live) setOpened({ kind: 'failed', message: messageOf(e) });
      }
    })();
    return () => {
      live = false;
      if (saveUrl) URL.revokeObjectURL(saveUrl);
    };
  }, [attachment.id]);

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className="modal in-viewer-modal">
        <Dialog className="dialog in-viewer">
          <Heading slot="title" className="dialog-title in-viewer-title" dir="auto">
            {attachment.name}
          </Heading>
          <p className="muted in-viewer-note">{t('viewer.readOnly')}</p>
          {opened.kind === 'loading' ? (
            <p className="loading" role="status">
              {t('viewer.loading', { name: attachment.name })}
            </p>
          ) : opened.kind === 'failed' ? (
            <p role="alert" className="inline-error">
              {opened.message}
            </p>
          ) : opened.kind === 'text' ? (
            <>
              {/* Focusable, so the keyboard can scroll it. */}
              <pre className="in-viewer-text" tabIndex={0} aria-label={attachment.name} dir="auto">
                {opened.text}
              </pre>
              {opened.truncated ? <p className="muted">{t('viewer.truncated', { n: format.number(SHOWN_CHARACTERS) })}</p> : null}
            </>
          ) : opened.kind === 'image' ? (
            <div className="in-viewer-image">
              <img src={opened.src} alt={attachment.name} />
            </div>
          ) : opened.kind === 'pdf' ? (
            <p className="in-viewer-pdf">
              {t('viewer.pdfNote')}{' '}
              <a className="button button-primary" href={opened.viewUrl} target="_blank" rel="noopener noreferrer">
                {t('viewer.openPdf')}
              </a>
            </p>
          ) : (
            <p className="in-viewer-cannot">{t('viewer.cannotShow')}</p>
          )}
          <div className="dialog-buttons">
            {'saveUrl' in opened ? (
              <a className="button" href={opened.saveUrl} download={attachment.name}>
                {t('viewer.save')}
              </a>
            ) : null}
            <Button className="button button-primary" slot="close" autoFocus>
              {t('viewer.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
