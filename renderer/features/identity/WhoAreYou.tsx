// "Who are you?": the report records who makes each change, so a person picks their own name
// from the members before working. Anyone may pick any name; this is an honest-use record, not a
// login.
import { useState } from 'react';
import { Button, ListBox, ListBoxItem } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { LanguagePicker } from '../../app/LanguagePicker.js';
import './identity.css';

export function WhoAreYou({ workspace, onDone }: { workspace: Workspace; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const orgName = (id: string) => workspace.organizations.find((o) => o.id === id)?.name ?? '';
  const members = [...workspace.members].sort((a, b) => a.name.localeCompare(b.name));

  const signIn = async (memberId: string) => {
    setError(null);
    try {
      await call('session.signIn', { memberId });
      await onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const closeReport = async () => {
    try {
      await call('app.closeReport', {});
      await onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <div className="centered-page">
      <main className="card identity-card" aria-labelledby="identity-heading">
        <p className="app-name">{t('app.name')}</p>
        <p className="identity-report">{workspace.report.title}</p>
        <h1 id="identity-heading" className="card-title">
          {t('identity.title')}
        </h1>
        <p className="card-lead">{t('identity.lead')}</p>
        <ListBox
          aria-labelledby="identity-heading"
          className="member-list"
          items={members}
          onAction={(key) => void signIn(String(key))}
          renderEmptyState={() => <p>{t('identity.noMembers')}</p>}
        >
          {(m) => (
            <ListBoxItem id={m.id} textValue={m.name} className="member-option">
              <span className="member-name">
                {m.name}
              </span>
              <span className="member-detail">
                {orgName(m.organizationId)} · {t(`role.${m.role}`)}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
        {error ? (
          <p role="alert" className="inline-error">
            {error}
          </p>
        ) : null}
        <div className="card-foot">
          <LanguagePicker className="compact" />
          <Button className="button" onPress={() => void closeReport()}>
            {t('app.closeReport')}
          </Button>
        </div>
      </main>
    </div>
  );
}
