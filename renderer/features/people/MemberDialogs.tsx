// Add or edit a member (name, organization, role), and remove one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Member, type Organization, type Role } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { ConfirmDialog, FormDialog } from '../../widgets/dialogs.js';
import { SelectField, TextInput } from '../../widgets/fields.js';

interface MemberDialogProps {
  /** The member to edit, or null to add one. */
  member: Member | null;
  organizations: Organization[];
  onClose: () => void;
  onSaved: (name: string) => Promise<void>;
}

export function MemberDialog({ member, organizations, onClose, onSaved }: MemberDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(member?.name ?? '');
  // A new member has neither organization nor role until the secretariat chooses them: a default
  // would give someone the wrong ministry's sections, or the right to write, by an unnoticed click.
  const [organizationId, setOrganizationId] = useState<string | null>(member?.organizationId ?? null);
  const [role, setRole] = useState<Role | null>(member?.role ?? null);
  return (
    <FormDialog
      isOpen
      onClose={onClose}
      title={member ? t('people.editMemberTitle', { name: member.name }) : t('people.addMemberTitle')}
      submitLabel={member ? t('common.save') : t('common.add')}
      validate={() =>
        !name.trim() ? t('people.nameRequired') : !organizationId ? t('people.organizationRequired') : !role ? t('people.roleRequired') : null
      }
      onSubmit={async () => {
        if (member) await call('members.update', { id: member.id, name: name.trim(), organizationId: organizationId!, role: role! });
        else await call('members.create', { name: name.trim(), organizationId: organizationId!, role: role! });
        await onSaved(name.trim());
      }}
    >
      <TextInput label={t('people.memberName')} value={name} onChange={setName} autoFocus isRequired />
      <SelectField<string>
        label={t('people.organization')}
        value={organizationId}
        onChange={setOrganizationId}
        options={organizations.map((o) => ({ id: o.id, label: o.name }))}
        placeholder={t('people.chooseOrganization')}
        isRequired
      />
      <SelectField<Role>
        label={t('people.role')}
        value={role}
        onChange={setRole}
        options={ROLES.map((r) => ({ id: r, label: t(`role.${r}`) }))}
        placeholder={t('people.chooseRole')}
        description={role ? t(`roleHint.${role}`) : undefined}
        isRequired
      />
    </FormDialog>
  );
}

export function RemoveMemberDialog({ member, onClose, onRemoved }: { member: Member; onClose: () => void; onRemoved: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      isOpen
      onClose={onClose}
      title={t('people.removeMemberTitle', { name: member.name })}
      message={<p>{t('people.removeMemberText')}</p>}
      confirmLabel={t('people.remove')}
      destructive
      onConfirm={async () => {
        await call('members.delete', { id: member.id });
        await onRemoved();
      }}
    />
  );
}
