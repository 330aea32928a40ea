// Who takes part: organizations and their members. The secretariat adds, edits and removes them;
// everyone else reads. Refusals (the last secretariat member, an organization that still leads
// sections) come back from the service and are shown in the dialog.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Member, Organization } from '../../../shared/domain.js';
import { denyReportChange } from '../../../shared/permissions.js';
import { useChanged, useWorkspace } from '../../app/workspaceContext.js';
import { MemberDialog, RemoveMemberDialog } from './MemberDialogs.js';
import { OrganizationDialog, RemoveOrganizationDialog } from './OrganizationDialogs.js';
import { SigningKeys } from './SigningKeys.js';
import './people.css';

type Editing =
  | { kind: 'organization'; organization: Organization | null }
  | { kind: 'removeOrganization'; organization: Organization }
  | { kind: 'member'; member: Member | null }
  | { kind: 'removeMember'; member: Member };

export function PeopleScreen() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const changed = useChanged();
  const canEdit = denyReportChange(workspace.me) === null;
  const [editing, setEditing] = useState<Editing | null>(null);
  const close = () => setEditing(null);

  const organizations = [...workspace.organizations].sort((a, b) => a.name.localeCompare(b.name));
  const members = [...workspace.members].sort((a, b) => a.name.localeCompare(b.name));
  const orgName = (id: string) => workspace.organizations.find((o) => o.id === id)?.name ?? '';
  const memberCount = (id: string) => workspace.members.filter((m) => m.organizationId === id).length;
  const ledCount = (id: string) => workspace.sections.filter((s) => s.leadOrganizationId === id).length;

  return (
    <div className="people">
      <h2 className="page-title">{t('people.title')}</h2>
      {canEdit ? null : <p className="muted">{t('people.readOnly')}</p>}

      <section aria-labelledby="organizations-heading" className="people-block">
        <div className="block-head">
          <h3 id="organizations-heading" className="block-title">
            {t('people.organizations')}
          </h3>
          {canEdit ? (
            <Button className="button" onPress={() => setEditing({ kind: 'organization', organization: null })}>
              {t('people.addOrganization')}
            </Button>
          ) : null}
        </div>
        <table className="data-table" aria-labelledby="organizations-heading">
          <thead>
            <tr>
              <th scope="col">{t('people.organizationName')}</th>
              <th scope="col">{t('people.kind')}</th>
              <th scope="col" className="num">
                {t('people.memberCount')}
              </th>
              <th scope="col" className="num">
                {t('people.sectionsLed')}
              </th>
              {canEdit ? (
                <th scope="col" className="actions-col">
                  {t('people.actions')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td>{t(`orgKind.${o.kind}`)}</td>
                <td className="num">{memberCount(o.id)}</td>
                <td className="num">{ledCount(o.id)}</td>
                {canEdit ? (
                  <RowActions
                    name={o.name}
                    onEdit={() => setEditing({ kind: 'organization', organization: o })}
                    onRemove={() => setEditing({ kind: 'removeOrganization', organization: o })}
                  />
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="members-heading" className="people-block">
        <div className="block-head">
          <h3 id="members-heading" className="block-title">
            {t('people.members')}
          </h3>
          {canEdit ? (
            <Button className="button" onPress={() => setEditing({ kind: 'member', member: null })}>
              {t('people.addMember')}
            </Button>
          ) : null}
        </div>
        <table className="data-table" aria-labelledby="members-heading">
          <thead>
            <tr>
              <th scope="col">{t('people.memberName')}</th>
              <th scope="col">{t('people.organization')}</th>
              <th scope="col">{t('people.role')}</th>
              {canEdit ? (
                <th scope="col" className="actions-col">
                  {t('people.actions')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.name}
                  {m.id === workspace.me?.id ? <span className="you-tag"> ({t('people.you')})</span> : null}
                </th>
                <td>{orgName(m.organizationId)}</td>
                <td>{t(`role.${m.role}`)}</td>
                {canEdit ? (
                  <RowActions
                    name={m.name}
                    onEdit={() => setEditing({ kind: 'member', member: m })}
                    onRemove={() => setEditing({ kind: 'removeMember', member: m })}
                  />
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <SigningKeys canConfirm={canEdit} />

      {editing?.kind === 'organization' ? (
        <OrganizationDialog
          organization={editing.organization}
          onClose={close}
          onSaved={(name) => changed(t('people.organizationSaved', { name }))}
        />
      ) : null}
      {editing?.kind === 'removeOrganization' ? (
        <RemoveOrganizationDialog
          organization={editing.organization}
          onClose={close}
          onRemoved={() => changed(t('people.organizationRemoved', { name: editing.organization.name }))}
        />
      ) : null}
      {editing?.kind === 'member' ? (
        <MemberDialog
          member={editing.member}
          organizations={organizations}
          onClose={close}
          onSaved={(name) => changed(t('people.memberSaved', { name }))}
        />
      ) : null}
      {editing?.kind === 'removeMember' ? (
        <RemoveMemberDialog
          member={editing.member}
          onClose={close}
          onRemoved={() => changed(t('people.memberRemoved', { name: editing.member.name }))}
        />
      ) : null}
    </div>
  );
}

/** Edit and Remove for one row, named with the row's name for screen readers ("Edit Ministry of Justice"). */
function RowActions({ name, onEdit, onRemove }: { name: string; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <td>
      <div className="row-actions">
        <Button className="button button-small" onPress={onEdit}>
          {t('common.edit')}
          <span className="visually-hidden"> {name}</span>
        </Button>
        <Button className="button button-small" onPress={onRemove}>
          {t('people.remove')}
          <span className="visually-hidden"> {name}</span>
        </Button>
      </div>
    </td>
  );
}
