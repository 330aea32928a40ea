// "Serve to the office network" (the secretariat's; File ▸ Office Network Server… comes here): this
// app runs the office server (electron/network/server.ts, as `upr serve-network` does) on the open
// report, which stays the source of truth. The card starts and stops it, says where offices connect
// (one address per network of this computer) and who is connected now, and issues each person's
// one-time invitation, shown once to be passed on with the address.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiEvent } from '../../../shared/api.js';
import { call } from '../../api/client.js';
import { useLiveLoad } from '../../app/useLiveLoad.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { SelectField, TextInput } from '../../widgets/fields.js';
import { useBusy } from './useBusy.js';

const fetchServing = () => call('network.serving', {});
const CONCERNS = (e: ApiEvent) => (e.kind === 'changed' && e.what.includes('network') ? ('now' as const) : null);
const DEFAULT_PORT = '5790';

export function ServeNetwork() {
  const { t } = useTranslation('sharing');
  const { workspace } = useWorkspace();
  const { value: serving, reload } = useLiveLoad(fetchServing, CONCERNS, 0);
  const [port, setPort] = useState(DEFAULT_PORT);
  const [portError, setPortError] = useState<string | null>(null);
  const [invitee, setInvitee] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<{ code: string; member: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const { busy, failure, run } = useBusy(reload);

  const start = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(port.trim());
    if (!/^\d+$/.test(port.trim()) || n < 1024 || n > 65535) return setPortError(t('serve.portInvalid'));
    setPortError(null);
    void run(() => call('network.serve', { port: n }));
  };
  const invite = (e: FormEvent) => {
    e.preventDefault();
    if (!invitee) return;
    setCopied(false);
    void run(async () => setInvitation(await call('network.invite', { memberId: invitee })));
  };
  const copy = async () => {
    if (!invitation) return;
    try {
      await navigator.clipboard.writeText(invitation.code);
      setCopied(true);
    } catch {
      // No clipboard (a page without the permission): the code stays on screen to be selected.
      setCopied(false);
    }
  };
  const people = [...workspace.members].sort((a, b) => a.name.localeCompare(b.name)).map((m) => ({ id: m.id, label: m.name }));

  return (
    <section className="sh-card" aria-labelledby="sh-serve-title" id="sh-serve">
      <h3 id="sh-serve-title" className="block-title">
        {t('serve.title')}
      </h3>
      <p className="sh-note">{t('serve.lead')}</p>
      {serving ? (
        <>
          <div role="status" className="sh-done" data-testid="serving-state">
            <p>{t('serve.serving', { port: serving.port })}</p>
            <ul className="sh-addresses">
              {serving.addresses.map((a) => (
                <li key={a}>
                  <code>
                    <bdi>{a}</bdi>
                  </code>
                </li>
              ))}
            </ul>
            <p>{serving.offices.length ? t('serve.connected', { names: serving.offices.join(', ') }) : t('serve.nobody')}</p>
          </div>
          <Button className="button" isDisabled={busy} onPress={() => void run(() => call('network.stopServing', {}))}>
            {t('serve.stop')}
          </Button>
        </>
      ) : (
        <Form onSubmit={start} className="sh-network-form">
          <TextInput label={t('serve.port')} description={t('serve.portHint')} value={port} onChange={setPort} errorMessage={portError ?? undefined} isRequired />
          <Button type="submit" className="button" isDisabled={busy}>
            {t('serve.start')}
          </Button>
        </Form>
      )}
      <Form onSubmit={invite} className="sh-network-form" aria-labelledby="sh-invite-title">
        <h4 id="sh-invite-title" className="sh-subtitle">
          {t('serve.inviteTitle')}
        </h4>
        <SelectField label={t('serve.person')} placeholder={t('serve.choose')} value={invitee} onChange={(id) => {
          setInvitee(id);
          setInvitation(null);
        }} options={people} description={t('serve.inviteHint')} />
        <Button type="submit" className="button" isDisabled={busy || !invitee}>
          {t('serve.invite')}
        </Button>
      </Form>
      {invitation ? (
        <div className="sh-invitation" data-testid="invitation">
          <p>{t('serve.code', { member: invitation.member })}</p>
          <p>
            <code className="sh-code">{invitation.code}</code>{' '}
            <Button className="button button-small" onPress={() => void copy()}>
              {copied ? t('serve.copied') : t('serve.copy')}
            </Button>
          </p>
        </div>
      ) : null}
      {failure ? (
        <p role="alert" className="inline-error">
          {failure}
        </p>
      ) : null}
    </section>
  );
}
