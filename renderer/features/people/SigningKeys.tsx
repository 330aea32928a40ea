// The people's signing keys (electron/sync/signing.ts): one per person and machine where they act.
// A key the secretariat has not confirmed signs changes other offices hold back; the secretariat
// confirms it after its owner reads the fingerprint to them (by telephone, in person). Everyone
// sees the list, and their own key's fingerprint to read out.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SigningKeyInfo } from '../../../shared/api.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { changedAny, useLiveLoad } from '../../app/useLiveLoad.js';

const CONCERNS = changedAny(new Set(['members']));
const fetchKeys = () => call('members.keys', {});

export function SigningKeys({ canConfirm }: { canConfirm: boolean }) {
  const { t } = useTranslation();
  const { value: keys, error, reload } = useLiveLoad(fetchKeys, CONCERNS);
  const mine = keys?.find((k) => k.mine) ?? null;
  return (
    <section aria-labelledby="keys-heading" className="people-block">
      <div className="block-head">
        <h3 id="keys-heading" className="block-title">
          {t('people.keys.title')}
        </h3>
      </div>
      <p className="muted">{t('people.keys.lead')}</p>
      {mine ? (
        <p className="key-mine">
          {t(mine.confirmed ? 'people.keys.mineConfirmed' : 'people.keys.mineWaiting')} <code className="fingerprint">{mine.fingerprint}</code>
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : keys === null ? (
        <p className="muted">{t('people.keys.loading')}</p>
      ) : (
        <table className="data-table" aria-labelledby="keys-heading">
          <thead>
            <tr>
              <th scope="col">{t('people.memberName')}</th>
              <th scope="col">{t('people.organization')}</th>
              <th scope="col">{t('people.keys.fingerprint')}</th>
              <th scope="col">{t('people.keys.made')}</th>
              <th scope="col">{t('people.keys.state')}</th>
              {canConfirm ? (
                <th scope="col" className="actions-col">
                  {t('people.actions')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <KeyRow key={k.id} info={k} canConfirm={canConfirm} onChanged={reload} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function KeyRow({ info, canConfirm, onChanged }: { info: SigningKeyInfo; canConfirm: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const state = info.root ? t('people.keys.root') : info.confirmed ? t('people.keys.confirmed') : t('people.keys.unconfirmed', { count: info.waiting });
  const toggle = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await call('members.confirmKey', { keyId: info.id, confirmed: !info.confirmed });
      announce(t(info.confirmed ? 'people.keys.withdrawn' : 'people.keys.confirmedNow', { name: info.memberName }));
      onChanged();
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr>
      <th scope="row">
        {info.memberName}
        {info.mine ? <span className="you-tag"> ({t('people.keys.thisComputer')})</span> : null}
      </th>
      <td>{info.organization}</td>
      <td>
        <code className="fingerprint">{info.fingerprint}</code>
      </td>
      <td>{info.madeAt ? format.date(info.madeAt.slice(0, 10)) : ''}</td>
      <td className={info.confirmed ? undefined : 'key-waiting'}>
        {state}
        {failure ? (
          <span role="alert" className="inline-error">
            {' '}
            {failure}
          </span>
        ) : null}
      </td>
      {canConfirm ? (
        <td>
          {info.root ? null : (
            <Button className="button button-small" isDisabled={busy} onPress={() => void toggle()}>
              {t(info.confirmed ? 'people.keys.withdraw' : 'people.keys.confirm')}
              <span className="visually-hidden"> {t('people.keys.ofPerson', { name: info.memberName })}</span>
            </Button>
          )}
        </td>
      ) : null}
    </tr>
  );
}
