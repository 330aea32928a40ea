// The API handlers that work on an open report, one per method of shared/api.ts. Methods of the
// host (`app.*`, `session.*`) live in ../hosts/host.ts.
import { connectNetwork, disconnectNetwork, inviteToNetwork, networkStatus, peersNow, sharePresence, serveNetwork, servingState, stopServing } from './network.js';
import { confirmKey, listKeys } from './keys.js';
import type { MethodName, ParsedInput, Result } from '../../shared/api.js';
import type { ServiceContext } from './context.js';
import { createMember, createOrganization, deleteMember, deleteOrganization, updateMember, updateOrganization } from './people.js';
import { loadWorkspace, updateReport } from './report.js';
import { createSection, deleteSection, moveSection, setSectionStatus, updateSection } from './sections.js';
import { loadText, pushText, syncText, textContent } from './text.js';
import { findAll, replaceAll } from './find-replace.js';
import { applyProposal, commentsOf, createComment, decideComment, replyToComment, setCommentStatus } from './comments.js';
import { exportComments } from './exports.js';
import { exportMatrix, importMatrix, previewMatrix } from './plan-workbook.js';
import { attachEvidence, deleteAction, deleteIndicator, evidenceContent, overdueActions, saveAction, saveIndicator } from './plan.js';
import { addProgressNote, linkRecommendation, recommendationOf, recommendationsOf, updateRecommendation, updateManyRecommendations, setSameRecommendations } from './recommendations.js';
import { searchQuery } from '../search/search.js';
import { insertConsultationLog } from './consultation-log.js';
import { exportOpenData } from './open-data.js';
import { setInputsPublic, setNotesPublic, setRecommendationsPublic } from './public-marks.js';
import { exportPublicTracker } from './public-tracker.js';
import { exportMidterm } from './midterm-export.js';
import { checkExport, exportReport, previewReport } from './report-export.js';
import { lastMerge, listConflicts, mergeFromCopy, sectionTexts, sendCopy, settleConflict } from './sharing.js';
import { listOffices, sendChanges } from './exchange.js';
import { createInput, decideInput, deleteInput, inputsOf, linkInput, updateInput } from './inputs.js';
import { attachData, attachFile, attachmentOf, detachAttachment } from './attachments.js';
import { importListFile, previewImport } from './recommendation-import.js';
import { compare, markupSince, readVersion, restoreFromVersion, saveNamedVersion, versionsOf } from './versions.js';
import { writeRedline } from './redline.js';
import { exportHistory, historyOf } from './history.js';
import { flaggedParagraphs, settleParagraph } from '../sync/merge-review.js';
import { actor } from './access.js';

export type ReportMethod = Exclude<MethodName, `app.${string}` | `session.${string}`>;

type ReportHandlers = { [M in ReportMethod]: (ctx: ServiceContext, input: ParsedInput<M>) => Result<M> | Promise<Result<M>> };

export const reportHandlers: ReportHandlers = {
  'workspace.load': (ctx) => loadWorkspace(ctx),
  'report.update': updateReport,
  'organizations.create': createOrganization,
  'organizations.update': updateOrganization,
  'organizations.delete': deleteOrganization,
  'members.create': createMember,
  'members.update': updateMember,
  'members.delete': deleteMember,
  'members.keys': listKeys,
  'members.confirmKey': confirmKey,
  'sections.create': (ctx, input) => createSection(ctx, input),
  'sections.update': updateSection,
  'sections.move': moveSection,
  'sections.setStatus': setSectionStatus,
  'sections.delete': deleteSection,
  'text.load': loadText,
  'text.push': pushText,
  'text.sync': syncText,
  'text.content': textContent,
  'comments.list': commentsOf,
  'comments.create': createComment,
  'comments.reply': replyToComment,
  'comments.decide': decideComment,
  'comments.applyProposal': applyProposal,
  'comments.setStatus': setCommentStatus,
  'comments.export': exportComments,
  'recommendations.list': recommendationsOf,
  'recommendations.get': recommendationOf,
  'recommendations.update': updateRecommendation,
  'recommendations.updateMany': updateManyRecommendations,
  'recommendations.setSame': setSameRecommendations,
  'recommendations.setPublic': setRecommendationsPublic,
  'recommendations.setNotePublic': setNotesPublic,
  'plan.saveAction': saveAction,
  'plan.deleteAction': deleteAction,
  'plan.saveIndicator': saveIndicator,
  'plan.deleteIndicator': deleteIndicator,
  'plan.attachEvidence': attachEvidence,
  'plan.evidence': evidenceContent,
  'plan.overdue': overdueActions,
  'plan.exportMatrix': exportMatrix,
  'plan.previewMatrix': previewMatrix,
  'plan.importMatrix': importMatrix,
  'recommendations.export': exportOpenData,
  'recommendations.previewImport': previewImport,
  'recommendations.import': importListFile,
  'recommendations.link': linkRecommendation,
  'recommendations.addNote': addProgressNote,
  'inputs.list': inputsOf,
  'inputs.create': createInput,
  'inputs.update': updateInput,
  'inputs.delete': deleteInput,
  'inputs.setPublic': setInputsPublic,
  'inputs.link': linkInput,
  'inputs.decide': decideInput,
  'inputs.attach': attachData,
  'inputs.attachFile': attachFile,
  'inputs.detach': detachAttachment,
  'inputs.attachment': attachmentOf,
  'inputs.insertLog': insertConsultationLog,
  'sharing.sendCopy': sendCopy,
  'sharing.offices': listOffices,
  'sharing.sendChanges': sendChanges,
  'sharing.merge': mergeFromCopy,
  'network.connect': connectNetwork,
  'network.status': networkStatus,
  'network.disconnect': disconnectNetwork,
  'network.serve': serveNetwork,
  'network.serving': servingState,
  'network.stopServing': stopServing,
  'network.invite': inviteToNetwork,
  'network.presence': sharePresence,
  'network.peers': peersNow,
  'sharing.conflicts': listConflicts,
  'sharing.lastMerge': lastMerge,
  'sharing.settle': settleConflict,
  'sharing.texts': sectionTexts,
  'sharing.flags': (ctx) => flaggedParagraphs(ctx.report.db),
  'sharing.settleParagraph': (ctx, input) => settleParagraph(ctx.report, actor(ctx).id, input),
  'export.check': checkExport,
  'export.write': exportReport,
  'export.preview': previewReport,
  'export.publicTracker': exportPublicTracker,
  'export.midterm': exportMidterm,
  'versions.list': versionsOf,
  'history.list': historyOf,
  'history.export': exportHistory,
  'versions.save': saveNamedVersion,
  'versions.read': readVersion,
  'versions.compare': compare,
  'versions.markup': markupSince,
  'versions.restore': restoreFromVersion,
  'versions.redline': writeRedline,
  'search.query': searchQuery,
  'text.findAll': findAll,
  'text.replaceAll': replaceAll,
};

export function isReportMethod(name: MethodName): name is ReportMethod {
  return Object.prototype.hasOwnProperty.call(reportHandlers, name);
}
