// "Connect to the office server…": an office's report kept in step with the secretariat's office
// network server (electron/network). The address and the one-time invitation come from the
// secretariat (`upr invite`); the state line says whom the connection acts as, or that it is
// offline with how many changes wait to be sent (work goes on in this file meanwhile), or why the
// server refused it. Others' carets in the editor come through the same connection (../../editor/presence.ts).
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { NetworkState } from '../../../shared/api.js';
import { call } from '../../api/client.js';
import { messageText } from '../../app/errors.js';
import { useLiveLoad, type Freshness } from '../../app/useLiveLoad.js';
import type { ApiEvent } from '../../../shared/api.js';
import { TextAreaInput, TextInput } from '../../widgets/fields.js';
import { useBusy } from './useBusy.js';

const fetchState = () => call('network.status', {});
/** The connection's state at once; after other changes here, once they settle (changes by others than its person wait for a copy). */
const CONCERNS = (e: ApiEvent): Freshness => (e.kind === 'changed' && e.what.includes('network') ? 'now' : e.kind === 'changed' || e.kind === 'text' ? 'settle' : null);

export function OfficeServer() {
  const { t } = useTranslation('sharing');
  const { value: state, reload } = useLiveLoad(fetchState, CONCERNS, 800);
  const [address, setAddress] = useState('');
  const [invitation, setInvitation] = useState('');
  const [ca, setCa] = useState('');
  const { busy, failure, run } = useBusy(reload);

  const connect = (e: FormEvent) => {
    e.preventDefault();
    void run(() => call('network.connect', { address, invitation, ...(ca.trim() ? { ca: ca.trim() } : {}) }));
  };
  const disconnect = () => void run(() => call('network.disconnect', {}));

  return (
    <section className="sh-card" aria-labelledby="sh-network-title" id="sh-network">
      <h3 id="sh-network-title" className="block-title">
        {t('network.title')}
      </h3>
      <p className="sh-note">{t('network.lead')}</p>
      {state ? (
        <>
          <p role="status" className={state.kind === 'connected' ? 'sh-done' : 'sh-warn'} data-testid="network-state">
            <StateLine state={state} />
          </p>
          {state.others > 0 && state.actsAs ? (
            <p className="sh-warn" data-testid="network-others">
              {t('network.othersNotSent', { member: state.actsAs, count: state.others })}
            </p>
          ) : null}
          <Button className="button" isDisabled={busy} onPress={disconnect}>
            {t('network.disconnect')}
          </Button>
        </>
      ) : (
        <Form onSubmit={connect} className="sh-network-form">
          <TextInput label={t('network.address')} description={t('network.addressHint')} value={address} onChange={setAddress} isRequired />
          <TextInput label={t('network.invitation')} value={invitation} onChange={setInvitation} isRequired />
          <TextAreaInput label={t('network.ca')} description={t('network.caHint')} value={ca} onChange={setCa} rows={3} />
          <Button type="submit" className="button" isDisabled={busy || !address.trim() || !invitation.trim()}>
            {t('network.connect')}
          </Button>
        </Form>
      )}
      {failure ? (
        <p role="alert" className="inline-error">
          {failure}
        </p>
      ) : null}
    </section>
  );
}

function StateLine({ state }: { state: NetworkState }) {
  const { t } = useTranslation('sharing');
  const problem = state.problem ? (messageText(state.problem.key, state.problem.params) ?? state.problem.key) : null;
  const address = <bdi>{state.address}</bdi>;
  switch (state.kind) {
    case 'connected':
      return (
        <>
          {t('network.connected', { member: state.member ?? '' })} {address}
          {state.waiting ? ` ${t('network.waiting', { count: state.waiting })}` : ''}
        </>
      );
    case 'connecting':
      return (
        <>
          {t('network.connecting')} {address}
        </>
      );
    case 'offline':
      return (
        <>
          {t('network.offline', { count: state.waiting })} {problem}
        </>
      );
    case 'refused':
      return <>{t('network.refused', { reason: problem ?? '' })}</>;
  }
}
