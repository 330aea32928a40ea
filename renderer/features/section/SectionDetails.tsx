// A section's details: lead organization, due date, word budget and status. The secretariat edits
// them all; drafters of the lead organization may move the status along (never to approved);
// everyone else reads them.
import { useTranslation } from 'react-i18next';
import { SECTION_STATUSES, isOverdue, type SectionStatus, type SectionWithCount } from '../../../shared/domain.js';
import { allowedStatuses, asRulesSeeIt, closedByStatus, denyReportChange, denySectionText } from '../../../shared/permissions.js';
import { call } from '../../api/client.js';
import { todayIso, useFormat } from '../../app/format.js';
import { useChange, useWorkspace } from '../../app/workspaceContext.js';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { FormDialog } from '../../widgets/dialogs.js';
import { NumberInput, SelectField, TextAreaInput, TextInput } from '../../widgets/fields.js';
import { useCommit } from '../../widgets/useCommit.js';
import { OverdueBadge, StatusBadge } from './StatusBadge.js';
import './section.css';

const NO_LEAD = 'none';

export function SectionDetails({ section, today }: { section: SectionWithCount; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace } = useWorkspace();
  const change = useChange();
  const canEdit = denyReportChange(workspace.me) === null;
  const statuses = allowedStatuses(workspace.me, asRulesSeeIt(section, workspace.report));
  const update = async (fields: { leadOrganizationId?: string | null; dueDate?: string; wordBudget?: number | null }) =>
    (await change(() => call('sections.update', { id: section.id, ...fields }), t('section.saved', { title: section.title }))) !== undefined;
  // Saved when left, on Enter, or when another section is chosen with the field still being typed in.
  const dueDate = useCommit(section.dueDate, (value) => update({ dueDate: value }));
  const wordBudget = useCommit(section.wordBudget, (value) => update({ wordBudget: value }));

  const setStatus = (status: SectionStatus) => {
    if (status === section.status) return;
    void change(
      () => call('sections.setStatus', { id: section.id, status }),
      t('section.statusChanged', { title: section.title, status: t(`status.${status}`) }),
    );
  };

  const leadName = workspace.organizations.find((o) => o.id === section.leadOrganizationId)?.name;
  const overdue = isOverdue(section, today) ? <OverdueBadge /> : null;
  // Who approved (or reopened) the section and when, as the change log has it.
  const statusSet = section.statusSet ? (
    <p className="details-status-set" data-testid="status-set">
      {t('section.statusSetBy', {
        status: t(`status.${section.status}`),
        by: section.statusSet.by || t('section.someone'),
        date: format.date(todayIso(new Date(section.statusSet.at))),
      })}
    </p>
  ) : null;
  const me = workspace.me;
  // The section's own drafters, shut out by its status, may ask to have it reopened.
  const mayAskToReopen = closedByStatus(denySectionText(me, asRulesSeeIt(section, workspace.report)));

  const statusField =
    statuses.length > 0 ? (
      <SelectField<SectionStatus>
        label={t('section.status')}
        value={section.status}
        onChange={setStatus}
        options={SECTION_STATUSES.map((s) => ({ id: s, label: t(`status.${s}`) }))}
        // The current status stays visible even when this person could not choose it.
        disabledKeys={SECTION_STATUSES.filter((s) => !statuses.includes(s))}
        className="details-field"
      />
    ) : null;

  if (!canEdit) {
    return (
      <section className="details" aria-labelledby="details-heading">
        <h3 id="details-heading" className="details-title">
          {t('section.details')}
        </h3>
        <div className={`details-readonly${statusField ? '' : ' no-status'}`}>
          <dl className="details-list">
            <div>
              <dt>{t('section.lead')}</dt>
              <dd>{leadName ?? t('section.noLead')}</dd>
            </div>
            <div>
              <dt>{t('section.dueDate')}</dt>
              <dd>
                {section.dueDate ? format.date(section.dueDate) : t('section.noDueDate')} {overdue}
              </dd>
            </div>
            <div>
              <dt>{t('section.wordBudget')}</dt>
              <dd>{section.wordBudget === null ? t('section.noBudget') : format.words(section.wordBudget)}</dd>
            </div>
            {statusField ? null : (
              <div>
                <dt>{t('section.status')}</dt>
                <dd>
                  <StatusBadge status={section.status} />
                </dd>
              </div>
            )}
          </dl>
          {statusField}
        </div>
        {statusSet}
        {mayAskToReopen ? <AskToReopen section={section} /> : null}
      </section>
    );
  }

  return (
    <section className="details" aria-labelledby="details-heading">
      <h3 id="details-heading" className="details-title">
        {t('section.details')}
      </h3>
      <div className="details-grid">
        <SelectField<string>
          label={t('section.lead')}
          value={section.leadOrganizationId ?? NO_LEAD}
          onChange={(id) => {
            const lead = id === NO_LEAD ? null : id;
            if (lead !== section.leadOrganizationId) void update({ leadOrganizationId: lead });
          }}
          options={[{ id: NO_LEAD, label: t('section.noLead') }, ...workspace.organizations.map((o) => ({ id: o.id, label: o.name }))]}
          className="details-field"
        />
        <div className="details-field details-date">
          <TextInput
            type="date"
            label={t('section.dueDate')}
            value={dueDate.draft}
            onChange={dueDate.setDraft}
            onBlur={dueDate.commit}
            onKeyDown={dueDate.onKeyDown}
          />
          {overdue}
        </div>
        <NumberInput
          label={t('section.wordBudget')}
          value={wordBudget.draft}
          minValue={0}
          maxValue={100_000}
          onChange={wordBudget.setDraft}
          onDraft={wordBudget.note}
          onBlur={wordBudget.commit}
          onKeyDown={wordBudget.onKeyDown}
          className="details-field"
        />
        {statusField}
      </div>
      {statusSet}
    </section>
  );
}

/** A drafter's request to reopen an approved section: a comment on the whole section, which the secretariat sees and answers. */
function AskToReopen({ section }: { section: SectionWithCount }) {
  const { t } = useTranslation();
  const change = useChange();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button className="button details-reopen" onPress={() => setOpen(true)}>
        {t('section.askReopen')}
      </Button>
      <FormDialog
        isOpen={open}
        onClose={() => setOpen(false)}
        title={t('section.askReopenTitle', { title: section.title })}
        submitLabel={t('section.askReopenSend')}
        validate={() => (reason.trim() ? null : t('section.askReopenEmpty'))}
        onSubmit={async () => {
          const made = await call('comments.create', {
            id: crypto.randomUUID(),
            sectionId: section.id,
            type: 'substantive',
            body: t('section.askReopenBody', { reason: reason.trim() }),
            proposed: '',
          });
          setReason('');
          await change(async () => made, t('section.askReopenSent', { title: section.title, n: made.number }));
        }}
      >
        <p className="dialog-message">{t('section.askReopenIntro')}</p>
        <TextAreaInput label={t('section.askReopenReason')} value={reason} onChange={setReason} rows={4} autoFocus />
      </FormDialog>
    </>
  );
}
