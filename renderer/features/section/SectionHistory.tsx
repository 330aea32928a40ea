// A section's own history, one click from the section: the button in its head and the dialog it
// opens, listing the text typed in it and the changes to its details, comments and links, newest
// first (the Versions view's list, filtered to the section).
import { useMemo, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { HistoryList } from '../versions/History.js';
import '../versions/versions.css';

export function SectionHistoryButton({ sectionId, title }: { sectionId: string; title: string }) {
  const { t } = useTranslation('versions');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="button button-small vs-history-open" aria-label={t('history.openLabel', { title })} onPress={() => setOpen(true)}>
        {t('history.open')}
      </Button>
      {open ? <SectionHistory sectionId={sectionId} title={title} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function SectionHistory({ sectionId, title, onClose }: { sectionId: string; title: string; onClose: () => void }) {
  const { t } = useTranslation('versions');
  const filter = useMemo(() => ({ sectionId }), [sectionId]);
  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className="modal vs-reader-modal">
        <Dialog className="dialog" data-testid="section-history">
          <Heading slot="title" className="dialog-title">
            <bdi>{t('history.sectionTitle', { title })}</bdi>
          </Heading>
          <p className="vs-note">{t('history.sectionLead')}</p>
          <div className="vs-reader-body vs-history-body" tabIndex={0} role="region" aria-label={t('history.sectionTitle', { title })}>
            <HistoryList filter={filter} showSection={false} />
          </div>
          <div className="dialog-buttons">
            <Button className="button button-primary" onPress={onClose} autoFocus>
              {t('history.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
