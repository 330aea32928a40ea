// Every message the main process sends to a person, by key, in English. The renderer shows the
// translation of the key in the interface language (renderer/i18n/errors.ts); the CLI prints the
// English. Placeholders are i18next's {{name}}.
import { UserError, type UserErrorCode } from './errors.js';

export const MESSAGES = {
  copyOverItself: { code: 'invalid', text: 'A copy cannot be written over the report itself ({{file}}); choose another name.' },
  conflictMissing: { code: 'not_found', text: 'That conflict is not in this report (it may have come from another copy).' },
  settleKeepASide: { code: 'invalid', text: 'This field is settled by keeping one of the two values; only text can be written anew.' },
  settleEmpty: { code: 'invalid', text: 'Write the value to keep, or keep one of the two.' },
  mergeOwnFile: { code: 'invalid', text: 'That is this report’s own file; choose a copy that came back from another office.' },
  mergeOtherReport: {
    code: 'invalid',
    text: '“{{name}}” is a copy of another report (“{{title}}”), not of this one; nothing was merged.',
  },
  mergeBadStamp: { code: 'damaged', text: '“{{name}}” holds a change with an unreadable time stamp; nothing was merged.' },
  mergeClockAhead: {
    code: 'invalid',
    text: '“{{name}}” holds changes from {{office}} stamped {{minutes}} minutes ahead of this computer’s clock; nothing was merged. Check the date and time on that office’s computer (or this one), then merge again.',
  },
  networkUnreachable: { code: 'io', text: 'The office server at {{address}} cannot be reached. Your work is kept in this file and sent when the server can be reached again.' },
  networkTlsUntrusted: { code: 'forbidden', text: 'This computer does not trust the certificate of the office server at {{address}}. Ask the secretariat for the server’s certificate to trust it here, or check the address.' },
  networkInvitationInvalid: { code: 'forbidden', text: 'The office server at {{address}} did not accept this invitation. Check that it was copied whole, or ask the secretariat for a new one.' },
  networkInvitationUsed: { code: 'forbidden', text: 'This invitation was already used from another computer, so the office server at {{address}} refused it. Ask the secretariat for a new invitation.' },
  networkMemberGone: { code: 'not_found', text: 'The person this invitation is for is no longer a member of the report; ask the secretariat for a new invitation.' },
  networkOtherReport: { code: 'invalid', text: 'The office server at {{address}} serves another report, not this one.' },
  networkProtocol: { code: 'too_new', text: 'The office server at {{address}} runs another version of the app; update the app on this computer or on the server.' },
  networkGarbled: { code: 'damaged', text: '{{name}} sent changes that cannot be read; none of them was stored.' },
  networkNotYours: { code: 'forbidden', text: 'Only your own changes go over your connection to the office server; changes by others in this file were not taken.' },
  networkServerFailed: { code: 'io', text: 'The office server could not store these changes; they are kept in this file and sent again when you next connect.' },
  networkPortTaken: { code: 'conflict', text: 'Port {{port}} is already in use on this computer (by another program, or another report served from here); choose another port.' },
  networkBothWays: { code: 'conflict', text: 'This report is either served to the offices from here or connected to another office server, not both; stop the one before starting the other.' },
  networkPortInUse: { code: 'conflict', text: 'Port {{port}} is already in use on this computer; choose another with --port.' },
  networkTlsPair: { code: 'invalid', text: 'To serve over wss://, give both the certificate and its key (--cert FILE --key FILE).' },
  networkTlsUnreadable: { code: 'not_found', text: 'The file {{file}} cannot be read; give the certificate and its key as PEM files.' },
  networkAddressInvalid: { code: 'invalid', text: '“{{address}}” is not an office server address; write it as ws://computer:port, or wss://computer:port where the network uses TLS.' },
  networkNoInvitation: { code: 'invalid', text: 'To connect to the office server, give its address and the invitation the secretariat issued you (--server ADDRESS --invitation CODE).' },
  noFile: { code: 'not_found', text: 'There is no file at {{file}}.' },
  isFolder: { code: 'not_ours', text: '{{file}} is a folder, not a report file.' },
  tooShort: { code: 'not_ours', text: '“{{name}}” is not a UPR report file (it is empty or too short).' },
  notOurs: { code: 'not_ours', text: '“{{name}}” is not a UPR report file.' },
  sqliteNotOurs: { code: 'not_ours', text: '“{{name}}” is an SQLite database, but not a UPR report file.' },
  tooNew: {
    code: 'too_new',
    text: '“{{name}}” was made by a newer version of the app (schema {{version}}; this app reads up to {{supported}}). Update the app to open it.',
  },
  damaged: { code: 'damaged', text: '“{{name}}” is damaged and cannot be opened. Use a copy or a backup of the report instead.' },
  packedDamaged: { code: 'damaged', text: '“{{name}}” is damaged or incomplete (cut short or changed on the way, perhaps by the mail system); nothing was opened or merged. Ask the office that sent it to send it again.' },
  packedTooLarge: { code: 'invalid', text: '“{{name}}” would unpack to more than {{limit}} MB, far more than a report of its size holds: it was not made by this app, and nothing was opened or merged.' },
  packedTooNew: { code: 'too_new', text: '“{{name}}” was packed by a newer version of the app; update the app to open or merge it.' },
  packedIsChanges: { code: 'invalid', text: '“{{name}}” holds only changes sent by another office, not a whole report: merge it into your report (Sharing ▸ Merge a copy…) instead of opening it.' },
  changesNeedBase: {
    code: 'conflict',
    text: '“{{name}}” holds only the changes {{from}} took this report to lack, and builds on changes from {{offices}} this report does not have yet. Merge a copy (or the earlier changes) from {{offices}} first, or ask {{from}} to send a whole copy; nothing was merged.',
  },
  changesNoPeer: {
    code: 'conflict',
    text: 'Nothing from {{office}} has been merged into this report yet, so what it has is not known here: send it a whole copy. Changes alone can go to it once a copy or changes from it have been merged.',
  },
  changesNothingNew: { code: 'conflict', text: '{{office}} already has every change in this report, as the last copy or changes merged from it show; there is nothing to send.' },
  fileExists: { code: 'conflict', text: 'A file already exists at {{file}}; choose another name.' },
  noFolder: { code: 'not_found', text: 'The folder {{dir}} does not exist.' },
  nextCycleNotAfter: { code: 'invalid', text: 'The next report is for a cycle after this report’s (cycle {{previous}}), up to 20; it cannot be for cycle {{cycle}}.' },
  cannotCreate: { code: 'io', text: 'Cannot create {{file}}: {{reason}}' },
  organizationMissing: { code: 'not_found', text: 'That organization does not exist (it may have been removed).' },
  recommendationsMissing: { code: 'not_found', text: '{{count}} of the recommendations chosen no longer exist (such as {{id}}); nothing was changed. Choose them again.' },
  bulkDenied: {
    code: 'forbidden',
    text: 'Nothing was changed: {{count}} of the recommendations chosen cannot be changed by you ({{numbers}}). {{reason}}',
  },
  memberMissing: { code: 'not_found', text: 'That person is not a member of this report (they may have been removed).' },
  organizationHasMembers: { code: 'conflict', text: '{{name}} still has {{count}} member(s); move or remove them first.' },
  organizationLeadsSections: { code: 'conflict', text: '{{name}} leads {{count}} section(s); give them another lead first.' },
  lastSecretariat: {
    code: 'conflict',
    text: '{{name}} is the only member of the secretariat; add another before changing or removing them, or nobody could manage the report.',
  },
  sectionMissing: { code: 'not_found', text: 'That section does not exist (it may have been deleted).' },
  insertAfterWrongLevel: { code: 'invalid', text: 'The section to insert after is not at that level of the outline.' },
  moveInsideItself: { code: 'invalid', text: 'A section cannot be moved inside itself.' },
  textUnreadable: { code: 'invalid', text: 'The text change could not be read; it was not saved. Reload the section and try again.' },
  windowGone: { code: 'invalid', text: 'This window is no longer connected; reload it.' },
  noSuchAction: { code: 'invalid', text: 'There is no action called “{{name}}”.' },
  invalidInput: { code: 'invalid', text: 'The {{field}} {{problem}}' },
  openElsewhere: { code: 'conflict', text: 'This report is already open in another window; that window is now in front.' },
  notAMember: { code: 'not_found', text: 'That person is not a member of this report.' },
  noReport: { code: 'invalid', text: 'No report is open.' },
  unknownField: { code: 'invalid', text: 'A change names an unknown field ({{field}}).' },
  wrongKind: { code: 'invalid', text: 'A change gives {{field}} a value of the wrong kind.' },
  keyNotYours: { code: 'forbidden', text: 'A signing key is recorded by the person it belongs to; only the secretariat confirms or withdraws someone else’s.' },
  sayWhoFirst: { code: 'no_identity', text: 'Say who you are before changing anything.' },
  sayWhoBeforeWriting: { code: 'no_identity', text: 'Say who you are before writing.' },
  secretariatOnly: { code: 'forbidden', text: 'Only the secretariat can change this (your role: {{role}}).' },
  otherOrganizationsSection: {
    code: 'forbidden',
    text: 'Section “{{title}}” is led by another organization; only its drafters and the secretariat can write in it.',
  },
  readOnlyRole: { code: 'forbidden', text: 'Your role ({{role}}) lets you read the report but not change its text.' },
  approveSecretariatOnly: { code: 'forbidden', text: 'Only the secretariat can approve a section.' },
  replaceNowhere: { code: 'forbidden', text: 'Nothing was replaced: {{reason}}' },
  sectionApproved: {
    code: 'forbidden',
    text: 'Section “{{title}}” is approved, so its text is final; ask the secretariat to reopen it to change it.',
  },
  sectionInReview: {
    code: 'forbidden',
    text: 'Section “{{title}}” is ready for review, and the secretariat locks sections then: its text is read only for its drafters; ask the secretariat to reopen it to change it.',
  },
  cannotComment: { code: 'forbidden', text: 'Your role ({{role}}) lets you read the report and its comments, but not comment.' },
  commentMissing: { code: 'not_found', text: 'That comment does not exist.' },
  commentExists: { code: 'conflict', text: 'A comment with that number already exists; try again.' },
  anchorChangesText: {
    code: 'forbidden',
    text: 'A comment can mark a passage but not change the text; nothing was saved. Select the passage again and add the comment.',
  },
  anchorMissing: { code: 'invalid', text: 'The passage to comment on was not found in the text; select it again.' },
  passageNotFound: {
    code: 'invalid',
    text: 'These words are not in the section’s text as written; copy them exactly, or leave the passage empty to comment on the whole section.',
  },
  answerLeadOnly: {
    code: 'forbidden',
    text: 'Only the drafters of the organization leading “{{title}}” and the secretariat can answer its comments.',
  },
  replyNotAllowed: {
    code: 'forbidden',
    text: 'Only reviewers, the secretariat, the comment’s author and the drafters of the organization leading “{{title}}” can reply here.',
  },
  rationaleRequired: { code: 'invalid', text: 'Say why the comment is not accepted: a rationale is required.' },
  noProposal: { code: 'invalid', text: 'This comment proposes no wording to apply.' },
  passageGone: {
    code: 'conflict',
    text: 'The passage this comment marks is no longer in the text, so its proposed wording cannot be applied. Edit the text instead.',
  },
  closeNotAllowed: { code: 'forbidden', text: 'Only the secretariat and the person who made the comment can close or reopen it.' },
  commentClosed: { code: 'conflict', text: 'This comment is closed; reopen it first.' },
  cannotWrite: { code: 'io', text: 'Cannot write {{file}}: {{reason}}' },
  recommendationMissing: { code: 'not_found', text: 'That recommendation does not exist (it may have been removed).' },
  followUpResponsibleOnly: {
    code: 'forbidden',
    text: 'Only the secretariat and the drafters of the organization responsible for recommendation {{number}} can record its follow-up.',
  },
  inputsSecretariatOnly: {
    code: 'forbidden',
    text: 'Only the secretariat can register consultation inputs, link them, attach their files and record how they were reflected (your role: {{role}}).',
  },
  sayWhoBeforeReading: { code: 'no_identity', text: 'Say who you are before reading the consultation inputs.' },
  inputMissing: { code: 'not_found', text: 'That consultation input does not exist (it may have been deleted).' },
  inputRationaleRequired: {
    code: 'invalid',
    text: 'Say why the input is only partly reflected or not reflected: a rationale is required.',
  },
  attachmentTooLarge: { code: 'invalid', text: '“{{name}}” is {{size}} MB; attachments can be at most {{limit}} MB.' },
  uploadTooLarge: { code: 'invalid', text: '“{{name}}” is larger than the {{limit}} MB this server takes; nothing was sent.' },
  uploadBroken: { code: 'io', text: '“{{name}}” did not arrive whole; choose it again.' },
  paragraphNotFlagged: { code: 'not_found', text: 'That paragraph has nothing to settle (it may have been settled already, here or in another copy).' },
  settleEditNotText: { code: 'invalid', text: 'This paragraph is a list or a table: keep one side’s or the merged one, then edit it in the section.' },
  versionMissing: { code: 'not_found', text: 'That version does not exist in this report (it may have come from another copy).' },
  versionUnreadable: { code: 'damaged', text: 'The version “{{name}}” cannot be read (its record was changed outside the app); the other versions can.' },
  versionLacksSection: { code: 'not_found', text: 'This section did not exist yet in the version “{{name}}”.' },
  versionTextMissing: { code: 'not_found', text: 'The text of this section as it was in “{{name}}” cannot be rebuilt in this file: it lacks changes the version was saved with. Merge the copy it came from first.' },
  attachmentEmpty: { code: 'invalid', text: '“{{name}}” is empty; there is nothing to attach.' },
  attachmentMissing: { code: 'not_found', text: 'That attachment does not exist (it may have been removed).' },
  attachmentNotHere: {
    code: 'not_found',
    text: '“{{name}}” is listed, but its contents are not in this copy of the report. Merge the copy it was attached in, or attach it again.',
  },
  attachmentDamaged: {
    code: 'damaged',
    text: '“{{name}}” is damaged in this report file: its contents no longer match what was attached. Attach it again from the original.',
  },
  notAFile: { code: 'invalid', text: '{{file}} is a folder or a device, not a file.' },
  cannotRead: { code: 'io', text: 'Cannot read {{file}}: {{reason}}' },
  importNotWord: { code: 'not_ours', text: '“{{name}}” is not a Word document (.docx).' },
  importProtectedOrDoc: {
    code: 'not_ours',
    text: '“{{name}}” is a password-protected Word document or an old .doc file, which cannot be read. Open it in Word, save it as an unprotected .docx (Word Document) and import that copy.',
  },
  importTooLarge: {
    code: 'invalid',
    text: '“{{name}}” is far larger than any list of recommendations, so it was not opened. Check that it is the right file.',
  },
  importDamaged: {
    code: 'damaged',
    text: '“{{name}}” is damaged and cannot be read. Download the list again, or open it in Word and save it as a new .docx.',
  },
  importNoTable: { code: 'invalid', text: '“{{name}}” has no table of recommendations: no table has a header row with the columns {{columns}}.' },
  importRowNoNumber: { code: 'invalid', text: 'This row does not start with a recommendation number (such as 115.23), so it was skipped.' },
  importRowDuplicate: { code: 'conflict', text: 'Recommendation {{number}} is already in the list (row {{first}}), so this row was skipped.' },
  importRowNoText: { code: 'invalid', text: 'Recommendation {{number}} has no text, so it was skipped.' },
  importRowRepeated: { code: 'conflict', text: 'Recommendation {{number}} is in the list twice; the first one was imported.' },
  planClusterMissing: { code: 'not_found', text: 'No recommendation is in the cluster “{{cluster}}”: put some in it before planning for it.' },
  planEndBeforeStart: { code: 'invalid', text: 'The action ends before it starts: check the dates.' },
  planActionMissing: { code: 'not_found', text: 'This action is no longer in the plan; someone may have removed it.' },
  planIndicatorMissing: { code: 'not_found', text: 'This indicator is no longer in the plan; someone may have removed it.' },
  planNoteMissing: { code: 'not_found', text: 'This progress note is no longer there; someone may have removed it.' },
  matrixNotOurs: { code: 'invalid', text: '{{name}} is not an implementation matrix exported from a report: it has no sheet of recommendations with their keys.' },
  matrixOtherReport: { code: 'invalid', text: '{{name}} was exported from another report; import it into that one.' },
  matrixRowGone: { code: 'not_found', text: 'the row with the key {{key}} is no longer in the report, so it was skipped.' },
  matrixUnknownStatus: { code: 'invalid', text: '{{number}}: “{{value}}” is not one of the choices of the list, so it was not taken.' },
  matrixNoteNoText: { code: 'invalid', text: '{{number}}: a progress date without a report; write what was done.' },
  matrixNoteNoDate: { code: 'invalid', text: '{{number}}: the progress report has no date it can read (“{{value}}”); write it as YYYY-MM-DD.' },
  matrixDenied: { code: 'forbidden', text: 'Nothing was written: {{reason}}' },
  uhriNoId: { code: 'invalid', text: 'This row has no OHCHR annotation id, so it was skipped: the id is how the Index’s rows are told apart.' },
  uhriBadId: { code: 'invalid', text: 'The annotation id “{{value}}” is not one the Index gives, so this row was skipped.' },
  uhriDuplicateId: { code: 'conflict', text: 'Annotation {{id}} is already in the export (row {{first}}), so this row was skipped.' },
  uhriNoText: { code: 'invalid', text: 'Annotation {{id}} has no text, so it was skipped.' },
  uhriObservationsLeftOut: { code: 'invalid', text: 'Left out: {{count}} rows that are concerns or observations, not recommendations.' },
  importRowPositionUnclear: {
    code: 'invalid',
    text: 'The position of recommendation {{number}} reads “{{position}}”, neither Supported nor Noted; it was imported without a position.',
  },
  importRowNoPosition: { code: 'invalid', text: 'Recommendation {{number}} has no position; it was imported without one.' },
  importRowNoState: { code: 'invalid', text: 'No recommending State was found at the end of recommendation {{number}}; it was imported without one.' },
  importRowNumberRestored: {
    code: 'invalid',
    text: 'The spreadsheet stored number {{read}} as a number, which drops final zeros; it follows {{previous}}, so it was read as {{number}}. Check it.',
  },
  importUnknownKind: {
    code: 'not_ours',
    text: '“{{name}}” is not a kind of file this app imports. Choose the OHCHR thematic list in Word (.docx), or a table saved as an Excel workbook (.xlsx) or as CSV (.csv).',
  },
  importNotXlsx: { code: 'not_ours', text: '“{{name}}” is not an Excel workbook (.xlsx).' },
  importProtectedOrXls: {
    code: 'not_ours',
    text: '“{{name}}” is a password-protected workbook or an old .xls file, which cannot be read. Open it in Excel, save it as an unprotected .xlsx (Excel Workbook) and import that copy.',
  },
  importNotCsv: {
    code: 'not_ours',
    text: '“{{name}}” is not a CSV text file: it holds a workbook or other binary data. Save the table as CSV, or import the .xlsx workbook itself.',
  },
  importTableDamaged: {
    code: 'damaged',
    text: '“{{name}}” is damaged and cannot be read. Open it in a spreadsheet program and save it again as .xlsx or .csv.',
  },
  importCsvUnreadable: {
    code: 'invalid',
    text: '“{{name}}” cannot be read as CSV near line {{line}}: a quotation mark may be missing. Open it in a spreadsheet program and save it again as CSV.',
  },
  importTableEmpty: { code: 'invalid', text: '“{{name}}” is empty: it has no header row and no recommendations.' },
  importTooManyRows: {
    code: 'invalid',
    text: '“{{name}}” has more than {{limit}} rows, far more than any list of recommendations, so it was not read. Check that it is the right file.',
  },
  importCellTooLong: {
    code: 'invalid',
    text: 'Row {{row}} of “{{name}}” has a cell longer than {{limit}} characters (column {{column}}), far longer than any recommendation, so the file was not read.',
  },
  importMappingIncomplete: {
    code: 'invalid',
    text: 'Choose the columns holding the recommendation numbers and their texts: nothing can be imported without both.',
  },
  importMappingUnknownHeader: { code: 'invalid', text: '“{{name}}” has no column headed “{{header}}”; choose one of its columns.' },
  importTableNoNumber: { code: 'invalid', text: 'This row has no recommendation number (such as 115.23) in the column “{{column}}”, so it was skipped.' },
  importTableBadNumber: { code: 'invalid', text: '“{{value}}” is not a recommendation number (such as 115.23), so this row was skipped.' },
  pdfNeedsChromium: {
    code: 'not_found',
    text: 'Writing a PDF needs Chromium, which was not found at {{path}}; install it or set CHROMIUM_PATH to where it is.',
  },
  pdfLayoutFailed: {
    code: 'io',
    text: 'The PDF could not be laid out in pages, so nothing was written. Write the report as Word or as a web page, and tell whoever supports the app.',
  },
  midtermNoRecommendations: {
    code: 'invalid',
    text: 'This report holds no recommendations of the universal periodic review yet, so a mid-term report would have nothing to tell; nothing was written. Import the list the Working Group adopted first (the treaty bodies’ and special procedures’ recommendations are not part of it).',
  },
  commentNotYours: { code: 'forbidden', text: "Only the person who made a comment can change its words." },
  replyNotYours: { code: 'forbidden', text: "Only the person who wrote a reply can change it." },
  noteNotYours: { code: 'forbidden', text: "Only the person who wrote a progress note can change it." },
  publishSecretariatOnly: { code: 'forbidden', text: 'Only the secretariat decides what goes into the public tracker.' },
  trackerNotAFolder: { code: 'invalid', text: '{{folder}} is a file, not a folder: choose a folder for the public tracker.' },
  trackerInsideFile: { code: 'invalid', text: 'The public tracker cannot be written in {{folder}}: {{file}} is a file, not a folder.' },
  trackerFolderNotEmpty: {
    code: 'conflict',
    text: 'The folder {{folder}} holds other files (such as “{{name}}”): the public tracker is written only into an empty folder or over a public tracker written before, so nothing of yours is replaced. Choose an empty folder.',
  },
  notYourName: { code: 'forbidden', text: "A change can name only the person making it as the one who wrote, decided or closed something." },
  notYourOrganization: { code: 'forbidden', text: "A comment is made in the name of its author’s own organization." },
  heldUnsigned: { code: 'forbidden', text: 'It is not signed, though {{name}} has signed their changes since {{since}}: it may have been written into the copy by someone else.' },
  heldBadSignature: { code: 'damaged', text: 'Its signature does not match it: it was changed after {{name}} signed it, or it is not theirs.' },
  heldUnconfirmedKey: { code: 'forbidden', text: 'It is signed with a key of {{name}}’s that the secretariat has not confirmed yet (fingerprint {{fingerprint}}). It is applied once the secretariat confirms the key.' },
  keyMissing: { code: 'not_found', text: 'That signing key is not in this report (it may have come from another copy).' },
  heldBadStamp: { code: 'damaged', text: "The change has an unreadable time stamp." },
  heldTextByReviewer: { code: 'forbidden', text: "Its author may comment on this section but not change its text, and this change does more than mark a passage." },
  heldTextNeeds: { code: 'conflict', text: "It builds on text this file does not have (a change held back, or from a copy not merged yet)." },
  textUnknownNode: { code: 'invalid', text: "The text holds an element this version of the app does not know ({{type}}); it may come from a newer version. It was not saved." },
  textNeedsEarlier: { code: 'conflict', text: "This change to the text builds on typing that was not saved yet; it was not saved on its own. The editor sends what is missing and saves again." },
  sectionDamaged: { code: 'damaged', text: "The text of section “{{title}}” cannot be read: it holds something this version of the app does not understand. The rest of the report works; restore the section from a backup or from another office’s copy." },
  textDamaged: { code: 'damaged', text: "This section’s text cannot be read: it holds something this version of the app does not understand, so it cannot be changed here. The rest of the report works." },
  targetIsReport: { code: 'conflict', text: "“{{name}}” is a report file; an export, a copy or a backup is never written over a report. Choose another name." },
  targetIsOpenReport: { code: 'conflict', text: "{{file}} is a report open in this app, or part of one; nothing is ever written over it. Choose another name." },
  pathNotChosen: { code: 'forbidden', text: "Choose the file in the window that asks for it; the app does not take a file named any other way." },
  fileBusy: { code: 'conflict', text: "Another program is writing this report at this moment (the same file open in another window, or a command working on it); nothing was changed. Try again in a moment." },
  fileDamagedWhileOpen: { code: 'damaged', text: "Part of the report file could not be read: it is damaged. Nothing was changed; use a backup or another office’s copy of the report (upr check says what is wrong)." },
  diskFull: { code: 'io', text: "The disk is full; nothing was changed. Free some space and try again." },
  fileReadOnly: { code: 'io', text: "The report file cannot be written (it, or its folder, is read-only); nothing was changed." },
  fileIo: { code: 'io', text: "The disk could not be read or written; nothing was changed. Check the disk or the network drive and try again." },
  fileTooLargeForSystem: { code: 'io', text: "The file would be larger than this system allows; nothing was written." },
  unexpected: { code: 'io', text: "Something went wrong that the app did not expect, so what you asked may not have been done. The details were written to {{log}}." },
} as const satisfies Record<string, { code: UserErrorCode; text: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;

/** A message to a person, before it is put in words in some language. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export function formatMessage(key: MessageKey, params: MessageParams = {}): string {
  // A key from a newer version's file (a held change's reason) is said as it is rather than failing.
  if (!Object.prototype.hasOwnProperty.call(MESSAGES, key)) return String(key);
  return MESSAGES[key].text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The English texts by key: the renderer's English "errors" strings. */
export const MESSAGE_TEXTS = Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, v.text])) as {
  [K in MessageKey]: (typeof MESSAGES)[K]['text'];
};

/** A UserError carrying its message key, so the renderer can show it in the interface language. */
export function userError(key: MessageKey, params?: MessageParams): UserError {
  return new UserError(formatMessage(key, params), MESSAGES[key].code, params ? { key, params } : { key });
}
