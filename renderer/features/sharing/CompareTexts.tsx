// A section both copies edited: this report's text and the copy's as they met, side by side, and
// the merged text the report has now beneath them.
import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';

type Texts = { local: string; other: string; merged: string } | null;

export function CompareTexts({ sectionId, title, onClose }: { sectionId: string; title: string; onClose: () => void }) {
  const { t } = useTranslation('sharing');
  const [texts, setTexts] = useState<Texts | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('sharing.texts', { sectionId }).then(
      (found) => live && setTexts(found),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [sectionId]);

  const text = (id: string, heading: string, body: string) => (
    <section className="sh-text" aria-labelledby={id}>
      <h4 id={id} className="sh-subtitle">
        {heading}
      </h4>
      <div className="sh-text-body" tabIndex={0} aria-labelledby={id} dir="auto">
        {/* A text that began empty starts with blank paragraphs: not worth a reader's scrolling. */}
        {body.trim() ? body.trim() : <span className="muted">{t('compare.empty')}</span>}
      </div>
    </section>
  );

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className="modal sh-compare-modal">
        <Dialog className="dialog sh-compare" data-testid="compare-dialog">
          <Heading slot="title" className="dialog-title">
            {t('compare.title', { section: title })}
          </Heading>
          {error ? (
            <p role="alert" className="inline-error">
              {error}
            </p>
          ) : texts === undefined ? (
            <p className="muted">{t('compare.loading')}</p>
          ) : texts === null ? (
            <p>{t('compare.missing')}</p>
          ) : (
            <>
              <div className="sh-sides">
                {text('sh-text-local', t('compare.local'), texts.local)}
                {text('sh-text-other', t('compare.other'), texts.other)}
              </div>
              {text('sh-text-merged', t('compare.merged'), texts.merged)}
            </>
          )}
          <div className="dialog-buttons">
            <Button className="button button-primary" onPress={onClose} autoFocus>
              {t('compare.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
