// Registering a consultation input, or editing one: its title, the organization it came from (a
// civil-society group new to the report can be added on the spot), when and how it arrived, its
// summary, full text and themes.
import { useState, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { INPUT_CHANNELS, ORGANIZATION_KINDS, type ConsultationInput, type InputChannel, type Organization, type OrganizationKind } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { todayIso } from '../../app/format.js';
import { FormDialog } from '../../widgets/dialogs.js';
import { SelectField, TextAreaInput, TextInput } from '../../widgets/fields.js';
import { parseThemes } from './inputRows.js';

const NO_SOURCE = 'none';

export interface InputDialogProps {
  /** The input to edit, or null to register one. */
  input: ConsultationInput | null;
  organizations: readonly Organization[];
  onClose: () => void;
  onSaved: (input: ConsultationInput) => void;
}

export function InputDialog({ input, organizations, onClose, onSaved }: InputDialogProps) {
  const { t } = useTranslation('inputs');
  const { t: app } = useTranslation();
  const [title, setTitle] = useState(input?.title ?? '');
  const [sourceId, setSourceId] = useState<string | null>(input?.sourceOrganizationId ?? null);
  const [receivedOn, setReceivedOn] = useState(input ? input.receivedOn : todayIso());
  const [channel, setChannel] = useState<InputChannel>(input?.channel ?? 'written_submission');
  const [summary, setSummary] = useState(input?.summary ?? '');
  const [fullText, setFullText] = useState(input?.fullText ?? '');
  const [themes, setThemes] = useState(input?.themes.join(', ') ?? '');
  // Organizations added here, until the workspace's own list (reloaded by the change event) has them.
  const [added, setAdded] = useState<Organization[]>([]);
  const choices = [...organizations, ...added.filter((a) => !organizations.some((o) => o.id === a.id))];

  const submit = async () => {
    const fields = {
      title: title.trim(),
      sourceOrganizationId: sourceId,
      receivedOn,
      channel,
      summary: summary.trim(),
      fullText: fullText.trim(),
      themes: parseThemes(themes),
    };
    const saved = input ? await call('inputs.update', { id: input.id, ...fields }) : await call('inputs.create', fields);
    onSaved(saved);
  };

  return (
    <FormDialog
      isOpen
      onClose={onClose}
      title={input ? t('form.editTitle') : t('form.registerTitle')}
      submitLabel={input ? app('common.save') : t('form.register')}
      validate={() => (title.trim() ? null : t('form.titleRequired'))}
      onSubmit={submit}
    >
      <div className="in-form">
        <TextInput label={t('form.title')} value={title} onChange={setTitle} autoFocus isRequired className="in-form-wide" />
        <div className="in-form-wide in-form-source">
          <SelectField<string>
            label={t('form.source')}
            value={sourceId ?? NO_SOURCE}
            onChange={(id) => setSourceId(id === NO_SOURCE ? null : id)}
            options={[
              { id: NO_SOURCE, label: t('form.noSource') },
              ...choices.map((o) => ({ id: o.id, label: `${o.name} (${app(`orgKind.${o.kind}`)})` })),
            ]}
          />
          <NewOrganization
            onAdded={(org) => {
              setAdded((list) => [...list, org]);
              setSourceId(org.id);
            }}
          />
        </div>
        <TextInput label={t('form.received')} type="date" value={receivedOn} onChange={setReceivedOn} />
        <SelectField<InputChannel>
          label={t('form.channel')}
          value={channel}
          onChange={setChannel}
          options={INPUT_CHANNELS.map((c) => ({ id: c, label: t(`channel.${c}`) }))}
        />
        <TextAreaInput label={t('form.summary')} value={summary} onChange={setSummary} rows={3} className="in-form-wide" />
        <TextAreaInput label={t('form.fullText')} value={fullText} onChange={setFullText} rows={4} className="in-form-wide" />
        <TextInput label={t('form.themes')} description={t('form.themesHint')} value={themes} onChange={setThemes} className="in-form-wide" />
      </div>
    </FormDialog>
  );
}

/** "New organization…": a name and a kind (civil society unless told), added to the report's organizations at once. */
function NewOrganization({ onAdded }: { onAdded: (org: Organization) => void }) {
  const { t } = useTranslation('inputs');
  const { t: app } = useTranslation();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('civil_society');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    if (!name.trim()) return setError(t('form.organizationNameRequired'));
    setBusy(true);
    setError(null);
    try {
      const org = await call('organizations.create', { name: name.trim(), kind });
      announce(t('form.organizationAdded', { name: org.name }));
      onAdded(org);
      setOpen(false);
      setName('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  // Enter in the name adds the organization rather than registering the input.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
      void add();
    }
  };

  if (!open) {
    return (
      <Button className="button button-small button-quiet in-new-org-toggle" onPress={() => setOpen(true)}>
        {t('form.newOrganization')}
      </Button>
    );
  }
  return (
    <fieldset className="in-new-org" onKeyDown={onKeyDown}>
      <legend className="field-label">{t('form.newOrganizationLegend')}</legend>
      <TextInput label={t('form.organizationName')} value={name} onChange={setName} autoFocus errorMessage={error} />
      <SelectField<OrganizationKind>
        label={t('form.organizationKind')}
        value={kind}
        onChange={setKind}
        options={ORGANIZATION_KINDS.map((k) => ({ id: k, label: app(`orgKind.${k}`) }))}
      />
      <div className="in-new-org-buttons">
        <Button className="button button-small" onPress={() => setOpen(false)}>
          {t('form.keepExisting')}
        </Button>
        <Button className="button button-small button-primary" isPending={busy} onPress={() => void add()}>
          {t('form.addOrganization')}
        </Button>
      </div>
    </fieldset>
  );
}
