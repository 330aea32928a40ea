// A version opened to read: its outline and each section's paragraphs as they were when it was
// saved, read only, in a dialog the Escape key closes.
import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SectionStatus } from '../../../shared/domain.js';
import type { VersionReading } from '../../../shared/versions.js';
import { call } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { localTime } from '../sharing/fieldNames.js';
import { useVersionName } from './VersionsScreen.js';

export function VersionReader({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('versions');
  const tApp = useTranslation().t;
  const format = useFormat();
  const nameOf = useVersionName();
  const [reading, setReading] = useState<VersionReading | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('versions.read', { id }).then(
      (found) => live && setReading(found),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className="modal vs-reader-modal">
        <Dialog className="dialog vs-reader" data-testid="version-reader">
          <Heading slot="title" className="dialog-title">
            <bdi>{reading ? t('read.title', { name: nameOf(reading.version) }) : t('read.loading')}</bdi>
          </Heading>
          {error ? (
            <p role="alert" className="inline-error">
              {error}
            </p>
          ) : reading ? (
            <>
              <p className="vs-note">
                {t('read.meta', { by: reading.version.createdBy, when: localTime(reading.version.createdAt, i18n.language), words: format.words(reading.version.words) })}
              </p>
              <p className="vs-note">{t('read.readOnly')}</p>
              <div className="vs-reader-body" tabIndex={0} aria-label={nameOf(reading.version)} dir="auto">
                {reading.sections.map((s) => (
                  <section key={s.sectionId} className="vs-read-section" style={{ marginInlineStart: `${s.level * 1.25}rem` }}>
                    <h4 className="vs-read-title">
                      <bdi>
                        {s.label} {s.title}
                      </bdi>{' '}
                      <span className="vs-badge">{tApp(`status.${s.status as SectionStatus}`)}</span>
                    </h4>
                    {s.textMissing ? (
                      <p className="vs-note vs-warning">{t('compare.textMissing')}</p>
                    ) : s.paragraphs.every((p) => !p.trim()) ? (
                      <p className="muted">{t('read.empty')}</p>
                    ) : (
                      s.paragraphs.filter((p) => p.trim()).map((p, i) => (
                        <p key={i} className="vs-p">
                          {p}
                        </p>
                      ))
                    )}
                  </section>
                ))}
              </div>
            </>
          ) : (
            <p className="muted">{t('read.loading')}</p>
          )}
          <div className="dialog-buttons">
            <Button className="button button-primary" onPress={onClose} autoFocus>
              {t('read.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
