// Add or edit an organization (name and kind), and remove one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, type Organization, type OrganizationKind } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { ConfirmDialog, FormDialog } from '../../widgets/dialogs.js';
import { SelectField, TextInput } from '../../widgets/fields.js';

interface OrganizationDialogProps {
  /** The organization to edit, or null to add one. */
  organization: Organization | null;
  onClose: () => void;
  onSaved: (name: string) => Promise<void>;
}

export function OrganizationDialog({ organization, onClose, onSaved }: OrganizationDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(organization?.name ?? '');
  const [kind, setKind] = useState<OrganizationKind>(organization?.kind ?? 'ministry');
  return (
    <FormDialog
      isOpen
      onClose={onClose}
      title={organization ? t('people.editOrganizationTitle', { name: organization.name }) : t('people.addOrganizationTitle')}
      submitLabel={organization ? t('common.save') : t('common.add')}
      validate={() => (name.trim() ? null : t('people.nameRequired'))}
      onSubmit={async () => {
        if (organization) await call('organizations.update', { id: organization.id, name: name.trim(), kind });
        else await call('organizations.create', { name: name.trim(), kind });
        await onSaved(name.trim());
      }}
    >
      <TextInput label={t('people.organizationName')} value={name} onChange={setName} autoFocus isRequired />
      <SelectField<OrganizationKind>
        label={t('people.kind')}
        value={kind}
        onChange={setKind}
        options={ORGANIZATION_KINDS.map((k) => ({ id: k, label: t(`orgKind.${k}`) }))}
      />
    </FormDialog>
  );
}

export function RemoveOrganizationDialog({
  organization,
  onClose,
  onRemoved,
}: {
  organization: Organization;
  onClose: () => void;
  onRemoved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      isOpen
      onClose={onClose}
      title={t('people.removeOrganizationTitle', { name: organization.name })}
      message={<p>{t('people.removeOrganizationText')}</p>}
      confirmLabel={t('people.remove')}
      destructive
      onConfirm={async () => {
        await call('organizations.delete', { id: organization.id });
        await onRemoved();
      }}
    />
  );
}
