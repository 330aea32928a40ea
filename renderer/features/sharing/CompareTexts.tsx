// A section both copies edited: this report's text and the copy's as they met, side by side, and
// the merged text the report has now beneath them. The copy's and the merged text are marked word
// by word against this report's (inserted underlined, deleted struck through), so a sentence the
// merge ran together is seen at once, not found by eye.
import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { Redline } from '../../widgets/Redline.js';

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

  /** `against`: this report's text, which `body` is marked against. */
  const text = (id: string, heading: string, body: string, against?: string) => (
    <section className="sh-text" aria-labelledby={id}>
      <h4 id={id} className="sh-subtitle">
        {heading}
      </h4>
      <div className="sh-text-body" tabIndex={0} aria-labelledby={id} dir="auto">
        {/* A text that began empty starts with blank paragraphs: not worth a reader's scrolling. */}
        {!body.trim() ? (
          <span className="muted">{t('compare.empty')}</span>
        ) : against === undefined ? (
          body.trim()
        ) : (
          <Redline from={against.trim()} to={body.trim()} insertedLabel={t('compare.inserted')} deletedLabel={t('compare.deleted')} tooLong={t('compare.tooLong')} />
        )}
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
              <p className="muted sh-compare-legend">
                {t('compare.legend')} <ins className="redline-ins">{t('compare.inserted')}</ins> <del className="redline-del">{t('compare.deleted')}</del>
              </p>
              <div className="sh-sides">
                {text('sh-text-local', t('compare.local'), texts.local)}
                {text('sh-text-other', t('compare.other'), texts.other, texts.local)}
              </div>
              {text('sh-text-merged', t('compare.merged'), texts.merged, texts.local)}
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
