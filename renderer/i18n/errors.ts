// The main process's messages (shared/messages.ts) in the interface languages, as the "errors"
// namespace. English is the catalogue itself; a test checks that French and Spanish have every key.
import { MESSAGE_TEXTS, type MessageKey } from '../../shared/messages.js';

export type Catalogue = Record<MessageKey, string>;

const fr: Catalogue = {
  copyOverItself: 'Une copie ne peut pas remplacer le rapport lui-même ({{file}}) ; choisissez un autre nom.',
  conflictMissing: 'Ce conflit ne figure pas dans ce rapport (il vient peut-être d’une autre copie).',
  settleKeepASide: 'Ce champ se règle en gardant l’une des deux valeurs ; seul un texte peut être récrit.',
  settleEmpty: 'Écrivez la valeur à garder, ou gardez l’une des deux.',
  mergeOwnFile: 'C’est le fichier même de ce rapport ; choisissez une copie revenue d’un autre bureau.',
  mergeOtherReport: '« {{name}} » est une copie d’un autre rapport (« {{title}} »), pas de celui-ci ; rien n’a été fusionné.',
  mergeBadStamp: '« {{name}} » contient une modification dont l’horodatage est illisible ; rien n’a été fusionné.',
  mergeClockAhead: '« {{name}} » contient des modifications de {{office}} datées de {{minutes}} minutes en avance sur l’horloge de cet ordinateur ; rien n’a été fusionné. Vérifiez la date et l’heure de l’ordinateur de ce bureau (ou de celui-ci), puis fusionnez à nouveau.',
  noFile: "Il n'y a pas de fichier à l'emplacement {{file}}.",
  isFolder: "{{file}} est un dossier, pas un fichier de rapport.",
  tooShort: "« {{name}} » n'est pas un fichier de rapport EPU (il est vide ou trop court).",
  notOurs: "« {{name}} » n'est pas un fichier de rapport EPU.",
  sqliteNotOurs: "« {{name}} » est une base de données SQLite, mais pas un fichier de rapport EPU.",
  tooNew:
    "« {{name}} » a été créé par une version plus récente de l'application (schéma {{version}} ; cette application lit jusqu'au schéma {{supported}}). Mettez l'application à jour pour l'ouvrir.",
  damaged: "« {{name}} » est endommagé et ne peut pas être ouvert. Utilisez une copie ou une sauvegarde du rapport.",
  fileExists: 'Un fichier existe déjà à {{file}} ; choisissez un autre nom.',
  noFolder: "Le dossier {{dir}} n'existe pas.",
  cannotCreate: 'Impossible de créer {{file}} : {{reason}}',
  organizationMissing: "Cette organisation n'existe pas (elle a peut-être été supprimée).",
  recommendationsMissing: '{{count}} des recommandations choisies n’existent plus (par exemple {{id}}) ; rien n’a été modifié. Choisissez-les de nouveau.',
  bulkDenied: 'Rien n’a été modifié : {{count}} des recommandations choisies ne peuvent pas être modifiées par vous ({{numbers}}). {{reason}}',
  memberMissing: "Cette personne n'est pas membre de ce rapport (elle a peut-être été retirée).",
  organizationHasMembers: '{{name}} compte encore {{count}} membre(s) ; déplacez-les ou retirez-les d’abord.',
  organizationLeadsSections: '{{name}} est responsable de {{count}} section(s) ; confiez-les d’abord à une autre organisation.',
  lastSecretariat:
    '{{name}} est le seul membre du secrétariat ; ajoutez-en un autre avant de le modifier ou de le retirer, sinon plus personne ne pourrait gérer le rapport.',
  sectionMissing: "Cette section n'existe pas (elle a peut-être été supprimée).",
  insertAfterWrongLevel: "La section après laquelle insérer n'est pas à ce niveau du plan.",
  moveInsideItself: 'Une section ne peut pas être déplacée à l’intérieur d’elle-même.',
  textUnreadable: "La modification du texte n'a pas pu être lue ; elle n'a pas été enregistrée. Rechargez la section et réessayez.",
  windowGone: "Cette fenêtre n'est plus connectée ; rechargez-la.",
  noSuchAction: "Il n'existe pas d'action « {{name}} ».",
  invalidInput: 'Le champ {{field}} : {{problem}}',
  openElsewhere: 'Ce rapport est déjà ouvert dans une autre fenêtre ; elle est maintenant au premier plan.',
  notAMember: "Cette personne n'est pas membre de ce rapport.",
  noReport: 'Aucun rapport n’est ouvert.',
  unknownField: 'Une modification porte sur un champ inconnu ({{field}}).',
  wrongKind: 'Une modification donne à {{field}} une valeur du mauvais type.',
  sayWhoFirst: 'Indiquez qui vous êtes avant de modifier quoi que ce soit.',
  sayWhoBeforeWriting: 'Indiquez qui vous êtes avant d’écrire.',
  secretariatOnly: 'Seul le secrétariat peut modifier ceci (votre rôle : {{role}}).',
  otherOrganizationsSection:
    'La section « {{title}} » relève d’une autre organisation ; seuls ses rédacteurs et le secrétariat peuvent y écrire.',
  readOnlyRole: 'Votre rôle ({{role}}) vous permet de lire le rapport, mais pas d’en modifier le texte.',
  approveSecretariatOnly: 'Seul le secrétariat peut approuver une section.',
  replaceNowhere: 'Rien n’a été remplacé : {{reason}}',
  sectionApproved: 'La section « {{title}} » est approuvée : son texte est définitif ; demandez au secrétariat de la rouvrir pour la modifier.',
  sectionInReview: 'La section « {{title}} » est prête pour relecture et le secrétariat verrouille alors les sections : son texte est en lecture seule pour ses rédacteurs ; demandez au secrétariat de la rouvrir pour la modifier.',
  cannotComment: 'Votre rôle ({{role}}) vous permet de lire le rapport et ses commentaires, mais pas de commenter.',
  commentMissing: 'Ce commentaire n’existe pas.',
  commentExists: 'Un commentaire portant ce numéro existe déjà ; réessayez.',
  anchorChangesText:
    'Un commentaire peut marquer un passage, mais pas modifier le texte ; rien n’a été enregistré. Sélectionnez à nouveau le passage et ajoutez le commentaire.',
  anchorMissing: 'Le passage à commenter est introuvable dans le texte ; sélectionnez-le à nouveau.',
  passageNotFound:
    'Ces mots ne figurent pas tels quels dans le texte de la section ; recopiez-les exactement, ou laissez le passage vide pour commenter toute la section.',
  answerLeadOnly:
    'Seuls les rédacteurs de l’organisation chargée de « {{title}} » et le secrétariat peuvent répondre à ses commentaires.',
  replyNotAllowed:
    'Seuls les examinateurs, le secrétariat, l’auteur du commentaire et les rédacteurs de l’organisation chargée de « {{title}} » peuvent répondre ici.',
  rationaleRequired: 'Indiquez pourquoi le commentaire n’est pas retenu : une justification est requise.',
  noProposal: 'Ce commentaire ne propose aucune formulation à appliquer.',
  passageGone:
    'Le passage marqué par ce commentaire ne figure plus dans le texte ; la formulation proposée ne peut donc pas être appliquée. Modifiez le texte directement.',
  closeNotAllowed: 'Seuls le secrétariat et l’auteur du commentaire peuvent le clore ou le rouvrir.',
  commentClosed: 'Ce commentaire est clos ; rouvrez-le d’abord.',
  cannotWrite: 'Impossible d’écrire {{file}} : {{reason}}',
  recommendationMissing: 'Cette recommandation n’existe pas (elle a peut-être été supprimée).',
  followUpResponsibleOnly:
    'Seuls le secrétariat et les rédacteurs de l’organisation responsable de la recommandation {{number}} peuvent en consigner le suivi.',
  inputsSecretariatOnly:
    'Seul le secrétariat peut enregistrer les contributions à la consultation, les relier, y joindre des fichiers et consigner la suite qui leur a été donnée (votre rôle : {{role}}).',
  sayWhoBeforeReading: 'Indiquez qui vous êtes avant de lire les contributions à la consultation.',
  inputMissing: 'Cette contribution n’existe pas (elle a peut-être été supprimée).',
  inputRationaleRequired:
    'Indiquez pourquoi la contribution n’est que partiellement prise en compte ou ne l’est pas : une justification est requise.',
  attachmentTooLarge: '« {{name}} » fait {{size}} Mo ; une pièce jointe peut faire au plus {{limit}} Mo.',
  uploadTooLarge: '« {{name}} » dépasse les {{limit}} Mo que ce serveur accepte ; rien n’a été envoyé.',
  uploadBroken: '« {{name}} » n’est pas arrivé en entier ; choisissez-le à nouveau.',
  paragraphNotFlagged: 'Ce paragraphe n’a rien à régler (il l’a peut-être déjà été, ici ou dans une autre copie).',
  settleEditNotText: 'Ce paragraphe est une liste ou un tableau : gardez la version de l’un des deux côtés ou la version fusionnée, puis modifiez-le dans la section.',
  versionMissing: 'Cette version n’existe pas dans ce rapport (elle vient peut-être d’une autre copie).',
  versionUnreadable: 'La version « {{name}} » est illisible (son enregistrement a été modifié hors de l’application) ; les autres versions restent lisibles.',
  versionLacksSection: 'Cette section n’existait pas encore dans la version « {{name}} ».',
  versionTextMissing: 'Le texte de cette section tel qu’il était dans « {{name}} » ne peut pas être reconstitué dans ce fichier : il lui manque des modifications présentes lors de l’enregistrement de la version. Fusionnez d’abord la copie d’où elle vient.',
  attachmentEmpty: '« {{name}} » est vide ; il n’y a rien à joindre.',
  attachmentMissing: 'Cette pièce jointe n’existe pas (elle a peut-être été retirée).',
  attachmentNotHere:
    '« {{name}} » est répertorié, mais son contenu ne figure pas dans cette copie du rapport. Fusionnez la copie dans laquelle il a été joint, ou joignez-le à nouveau.',
  attachmentDamaged:
    '« {{name}} » est endommagé dans ce fichier de rapport : son contenu ne correspond plus à ce qui a été joint. Joignez-le à nouveau à partir de l’original.',
  notAFile: '{{file}} est un dossier ou un périphérique, pas un fichier.',
  cannotRead: 'Impossible de lire {{file}} : {{reason}}',
  importNotWord: "« {{name}} » n'est pas un document Word (.docx).",
  importProtectedOrDoc:
    '« {{name}} » est un document Word protégé par un mot de passe ou un ancien fichier .doc, qui ne peut pas être lu. Ouvrez-le dans Word, enregistrez-le comme .docx (Document Word) sans protection et importez cette copie.',
  importTooLarge:
    '« {{name}} » est bien plus volumineux qu’une liste de recommandations ; il n’a pas été ouvert. Vérifiez qu’il s’agit du bon fichier.',
  importDamaged:
    '« {{name}} » est endommagé et ne peut pas être lu. Téléchargez de nouveau la liste, ou ouvrez-la dans Word et enregistrez-la comme nouveau .docx.',
  importNoTable: '« {{name}} » ne contient pas de tableau de recommandations : aucun tableau n’a de ligne d’en-tête avec les colonnes {{columns}}.',
  importRowNoNumber: 'Cette ligne ne commence pas par un numéro de recommandation (comme 115.23) ; elle a été ignorée.',
  importRowDuplicate: 'La recommandation {{number}} figure déjà dans la liste (ligne {{first}}) ; cette ligne a été ignorée.',
  importRowNoText: 'La recommandation {{number}} n’a pas de texte ; elle a été ignorée.',
  importRowPositionUnclear:
    'La position de la recommandation {{number}} est « {{position}} », ni « Supported » (appuyée) ni « Noted » (notée) ; elle a été importée sans position.',
  importRowNoPosition: 'La recommandation {{number}} n’a pas de position ; elle a été importée sans position.',
  importRowNoState: 'Aucun État auteur n’a été trouvé à la fin de la recommandation {{number}} ; elle a été importée sans État.',
  importRowNumberRestored: 'Le tableur a enregistré le numéro {{read}} comme un nombre, ce qui supprime les zéros finaux ; il suit {{previous}}, il a donc été lu {{number}}. Vérifiez-le.',
  importUnknownKind:
    '« {{name}} » n’est pas un type de fichier que cette application importe. Choisissez la liste thématique du HCDH en Word (.docx), ou un tableau enregistré comme classeur Excel (.xlsx) ou en CSV (.csv).',
  importNotXlsx: '« {{name}} » n’est pas un classeur Excel (.xlsx).',
  importProtectedOrXls:
    '« {{name}} » est un classeur protégé par un mot de passe ou un ancien fichier .xls, qui ne peut pas être lu. Ouvrez-le dans Excel, enregistrez-le comme .xlsx (Classeur Excel) sans protection et importez cette copie.',
  importNotCsv:
    '« {{name}} » n’est pas un fichier texte CSV : il contient un classeur ou d’autres données binaires. Enregistrez le tableau en CSV, ou importez directement le classeur .xlsx.',
  importTableDamaged:
    '« {{name}} » est endommagé et ne peut pas être lu. Ouvrez-le dans un tableur et enregistrez-le de nouveau en .xlsx ou en .csv.',
  importCsvUnreadable:
    '« {{name}} » ne peut pas être lu comme CSV vers la ligne {{line}} : il manque peut-être un guillemet. Ouvrez-le dans un tableur et enregistrez-le de nouveau en CSV.',
  importTableEmpty: '« {{name}} » est vide : il n’a ni ligne d’en-tête ni recommandations.',
  importTooManyRows:
    '« {{name}} » compte plus de {{limit}} lignes, bien plus qu’une liste de recommandations ; il n’a pas été lu. Vérifiez qu’il s’agit du bon fichier.',
  importCellTooLong:
    'La ligne {{row}} de « {{name}} » a une cellule de plus de {{limit}} caractères (colonne {{column}}), bien plus longue qu’une recommandation ; le fichier n’a pas été lu.',
  importMappingIncomplete:
    'Choisissez les colonnes qui contiennent les numéros des recommandations et leur texte : rien ne peut être importé sans les deux.',
  importMappingUnknownHeader: '« {{name}} » n’a pas de colonne intitulée « {{header}} » ; choisissez l’une de ses colonnes.',
  importTableNoNumber:
    'Cette ligne n’a pas de numéro de recommandation (comme 115.23) dans la colonne « {{column}} » ; elle a été ignorée.',
  importTableBadNumber: '« {{value}} » n’est pas un numéro de recommandation (comme 115.23) ; cette ligne a été ignorée.',
  pdfNeedsChromium:
    'Pour écrire un PDF, il faut Chromium, introuvable à l’emplacement {{path}} ; installez-le ou indiquez son emplacement dans CHROMIUM_PATH.',
  pdfLayoutFailed: 'Le PDF n’a pas pu être mis en pages ; rien n’a été écrit. Écrivez le rapport en Word ou en page web, et prévenez l’assistance de l’application.',
  commentNotYours: "Seule la personne qui a fait un commentaire peut en changer les termes.",
  replyNotYours: "Seule la personne qui a écrit une réponse peut la modifier.",
  noteNotYours: "Seule la personne qui a écrit une note de suivi peut la modifier.",
  notYourName: "Une modification ne peut désigner que la personne qui la fait comme auteur d’un texte, d’une décision ou d’une clôture.",
  notYourOrganization: "Un commentaire est fait au nom de l’organisation de son auteur.",
  heldBadStamp: "La modification a un horodatage illisible.",
  heldTextByReviewer: "Son auteur peut commenter cette section mais pas en modifier le texte, et cette modification fait plus que marquer un passage.",
  heldTextNeeds: "Elle s’appuie sur un texte que ce fichier n’a pas (une modification retenue, ou venue d’une copie pas encore fusionnée).",
  textUnknownNode: "Le texte contient un élément que cette version de l’application ne connaît pas ({{type}}) ; il vient peut-être d’une version plus récente. Il n’a pas été enregistré.",
  textNeedsEarlier: "Cette modification du texte s’appuie sur une saisie pas encore enregistrée ; elle n’a pas été enregistrée seule. L’éditeur envoie ce qui manque et enregistre de nouveau.",
  sectionDamaged: "Le texte de la section « {{title}} » ne peut pas être lu : il contient quelque chose que cette version de l’application ne comprend pas. Le reste du rapport fonctionne ; restaurez la section à partir d’une sauvegarde ou de la copie d’un autre bureau.",
  textDamaged: "Le texte de cette section ne peut pas être lu : il contient quelque chose que cette version de l’application ne comprend pas ; il ne peut donc pas être modifié ici. Le reste du rapport fonctionne.",
  targetIsReport: "« {{name}} » est un fichier de rapport ; une exportation, une copie ou une sauvegarde n’est jamais écrite par-dessus un rapport. Choisissez un autre nom.",
  targetIsOpenReport: "{{file}} est un rapport ouvert dans cette application, ou une partie d’un tel rapport ; rien n’est jamais écrit par-dessus. Choisissez un autre nom.",
  pathNotChosen: "Choisissez le fichier dans la fenêtre qui le demande ; l’application n’accepte pas un fichier désigné autrement.",
  fileBusy: "Un autre programme écrit dans ce rapport en ce moment (le même fichier ouvert dans une autre fenêtre, ou une commande qui y travaille) ; rien n’a été modifié. Réessayez dans un instant.",
  fileDamagedWhileOpen: "Une partie du fichier de rapport n’a pas pu être lue : il est endommagé. Rien n’a été modifié ; utilisez une sauvegarde ou la copie d’un autre bureau (upr check indique ce qui ne va pas).",
  diskFull: "Le disque est plein ; rien n’a été modifié. Libérez de la place et réessayez.",
  fileReadOnly: "Le fichier de rapport ne peut pas être écrit (lui ou son dossier est en lecture seule) ; rien n’a été modifié.",
  fileIo: "Le disque n’a pas pu être lu ou écrit ; rien n’a été modifié. Vérifiez le disque ou le lecteur réseau et réessayez.",
  fileTooLargeForSystem: "Le fichier dépasserait la taille que ce système permet ; rien n’a été écrit.",
  unexpected: "Un problème que l’application n’attendait pas est survenu ; ce que vous avez demandé n’a peut-être pas été fait. Les détails ont été écrits dans {{log}}.",
};

const es: Catalogue = {
  copyOverItself: 'Una copia no puede sustituir al propio informe ({{file}}); elija otro nombre.',
  conflictMissing: 'Ese conflicto no está en este informe (quizá venga de otra copia).',
  settleKeepASide: 'Este campo se resuelve conservando uno de los dos valores; solo un texto puede escribirse de nuevo.',
  settleEmpty: 'Escriba el valor que se conserva, o conserve uno de los dos.',
  mergeOwnFile: 'Es el propio archivo de este informe; elija una copia devuelta por otra oficina.',
  mergeOtherReport: '«{{name}}» es una copia de otro informe («{{title}}»), no de este; no se fusionó nada.',
  mergeBadStamp: '«{{name}}» contiene un cambio con una marca de tiempo ilegible; no se fusionó nada.',
  mergeClockAhead: '«{{name}}» contiene cambios de {{office}} fechados {{minutes}} minutos por delante del reloj de este equipo; no se fusionó nada. Compruebe la fecha y la hora del equipo de esa oficina (o de este) y vuelva a fusionar.',
  noFile: 'No hay ningún archivo en {{file}}.',
  isFolder: '{{file}} es una carpeta, no un archivo de informe.',
  tooShort: '«{{name}}» no es un archivo de informe del EPU (está vacío o es demasiado corto).',
  notOurs: '«{{name}}» no es un archivo de informe del EPU.',
  sqliteNotOurs: '«{{name}}» es una base de datos SQLite, pero no un archivo de informe del EPU.',
  tooNew:
    '«{{name}}» se creó con una versión más reciente de la aplicación (esquema {{version}}; esta aplicación lee hasta el {{supported}}). Actualice la aplicación para abrirlo.',
  damaged: '«{{name}}» está dañado y no se puede abrir. Use una copia o una copia de seguridad del informe.',
  fileExists: 'Ya existe un archivo en {{file}}; elija otro nombre.',
  noFolder: 'La carpeta {{dir}} no existe.',
  cannotCreate: 'No se puede crear {{file}}: {{reason}}',
  organizationMissing: 'Esa organización no existe (puede que se haya eliminado).',
  recommendationsMissing: '{{count}} de las recomendaciones elegidas ya no existen (por ejemplo {{id}}); no se cambió nada. Vuelva a elegirlas.',
  bulkDenied: 'No se cambió nada: {{count}} de las recomendaciones elegidas no pueden ser cambiadas por usted ({{numbers}}). {{reason}}',
  memberMissing: 'Esa persona no es miembro de este informe (puede que se la haya retirado).',
  organizationHasMembers: '{{name}} todavía tiene {{count}} miembro(s); muévalos o retírelos primero.',
  organizationLeadsSections: '{{name}} dirige {{count}} sección(es); asígnelas primero a otra organización.',
  lastSecretariat:
    '{{name}} es el único miembro de la secretaría; añada otro antes de modificarlo o retirarlo, o nadie podría gestionar el informe.',
  sectionMissing: 'Esa sección no existe (puede que se haya eliminado).',
  insertAfterWrongLevel: 'La sección tras la que insertar no está en ese nivel del esquema.',
  moveInsideItself: 'Una sección no se puede mover dentro de sí misma.',
  textUnreadable: 'No se pudo leer el cambio del texto; no se guardó. Vuelva a cargar la sección e inténtelo de nuevo.',
  windowGone: 'Esta ventana ya no está conectada; vuelva a cargarla.',
  noSuchAction: 'No existe ninguna acción llamada «{{name}}».',
  invalidInput: 'El campo {{field}}: {{problem}}',
  openElsewhere: 'Este informe ya está abierto en otra ventana, que ahora está al frente.',
  notAMember: 'Esa persona no es miembro de este informe.',
  noReport: 'No hay ningún informe abierto.',
  unknownField: 'Un cambio se refiere a un campo desconocido ({{field}}).',
  wrongKind: 'Un cambio da a {{field}} un valor de tipo incorrecto.',
  sayWhoFirst: 'Indique quién es antes de cambiar nada.',
  sayWhoBeforeWriting: 'Indique quién es antes de escribir.',
  secretariatOnly: 'Solo la secretaría puede cambiar esto (su función: {{role}}).',
  otherOrganizationsSection: 'La sección «{{title}}» la dirige otra organización; solo sus redactores y la secretaría pueden escribir en ella.',
  readOnlyRole: 'Su función ({{role}}) le permite leer el informe, pero no modificar su texto.',
  approveSecretariatOnly: 'Solo la secretaría puede aprobar una sección.',
  replaceNowhere: 'No se reemplazó nada: {{reason}}',
  sectionApproved: 'La sección «{{title}}» está aprobada: su texto es definitivo; pida a la secretaría que la reabra para modificarla.',
  sectionInReview: 'La sección «{{title}}» está lista para revisión y la secretaría bloquea entonces las secciones: su texto es de solo lectura para sus redactores; pida a la secretaría que la reabra para modificarla.',
  cannotComment: 'Su función ({{role}}) le permite leer el informe y sus comentarios, pero no comentar.',
  commentMissing: 'Ese comentario no existe.',
  commentExists: 'Ya existe un comentario con ese número; inténtelo de nuevo.',
  anchorChangesText:
    'Un comentario puede marcar un pasaje, pero no cambiar el texto; no se guardó nada. Vuelva a seleccionar el pasaje y añada el comentario.',
  anchorMissing: 'No se encontró en el texto el pasaje que se iba a comentar; vuelva a seleccionarlo.',
  passageNotFound:
    'Esas palabras no figuran tal cual en el texto de la sección; cópielas exactamente o deje el pasaje vacío para comentar toda la sección.',
  answerLeadOnly:
    'Solo los redactores de la organización responsable de «{{title}}» y la secretaría pueden responder a sus comentarios.',
  replyNotAllowed:
    'Solo los revisores, la secretaría, el autor del comentario y los redactores de la organización responsable de «{{title}}» pueden responder aquí.',
  rationaleRequired: 'Explique por qué no se acepta el comentario: se requiere una justificación.',
  noProposal: 'Este comentario no propone ninguna redacción que aplicar.',
  passageGone:
    'El pasaje que marca este comentario ya no está en el texto, por lo que no se puede aplicar la redacción propuesta. Modifique el texto directamente.',
  closeNotAllowed: 'Solo la secretaría y la persona que hizo el comentario pueden cerrarlo o reabrirlo.',
  commentClosed: 'Este comentario está cerrado; reábralo primero.',
  cannotWrite: 'No se puede escribir {{file}}: {{reason}}',
  recommendationMissing: 'Esa recomendación no existe (puede que se haya eliminado).',
  followUpResponsibleOnly:
    'Solo la secretaría y los redactores de la organización responsable de la recomendación {{number}} pueden registrar su seguimiento.',
  inputsSecretariatOnly:
    'Solo la secretaría puede registrar las contribuciones a la consulta, vincularlas, adjuntar sus archivos y registrar cómo se reflejaron (su función: {{role}}).',
  sayWhoBeforeReading: 'Indique quién es antes de leer las contribuciones a la consulta.',
  inputMissing: 'Esa contribución no existe (puede que se haya eliminado).',
  inputRationaleRequired:
    'Explique por qué la contribución solo se refleja en parte o no se refleja: se requiere una justificación.',
  attachmentTooLarge: '«{{name}}» ocupa {{size}} MB; un archivo adjunto puede ocupar como máximo {{limit}} MB.',
  uploadTooLarge: '«{{name}}» supera los {{limit}} MB que admite este servidor; no se envió nada.',
  uploadBroken: '«{{name}}» no llegó completo; vuelva a elegirlo.',
  paragraphNotFlagged: 'Ese párrafo no tiene nada que resolver (puede que ya se haya resuelto, aquí o en otra copia).',
  settleEditNotText: 'Este párrafo es una lista o una tabla: conserve el de una de las dos partes o el fusionado y luego modifíquelo en la sección.',
  versionMissing: 'Esa versión no existe en este informe (puede que venga de otra copia).',
  versionUnreadable: 'La versión «{{name}}» no se puede leer (su registro se modificó fuera de la aplicación); las demás versiones sí.',
  versionLacksSection: 'Esta sección aún no existía en la versión «{{name}}».',
  versionTextMissing: 'El texto de esta sección tal como estaba en «{{name}}» no puede reconstruirse en este archivo: le faltan cambios que tenía la versión al guardarse. Fusione primero la copia de la que procede.',
  attachmentEmpty: '«{{name}}» está vacío; no hay nada que adjuntar.',
  attachmentMissing: 'Ese archivo adjunto no existe (puede que se haya retirado).',
  attachmentNotHere:
    '«{{name}}» figura en la lista, pero su contenido no está en esta copia del informe. Combine la copia en la que se adjuntó o vuelva a adjuntarlo.',
  attachmentDamaged:
    '«{{name}}» está dañado en este archivo de informe: su contenido ya no coincide con lo que se adjuntó. Vuelva a adjuntarlo a partir del original.',
  notAFile: '{{file}} es una carpeta o un dispositivo, no un archivo.',
  cannotRead: 'No se puede leer {{file}}: {{reason}}',
  importNotWord: '«{{name}}» no es un documento de Word (.docx).',
  importProtectedOrDoc:
    '«{{name}}» es un documento de Word protegido con contraseña o un archivo .doc antiguo, que no se puede leer. Ábralo en Word, guárdelo como .docx (Documento de Word) sin protección e importe esa copia.',
  importTooLarge:
    '«{{name}}» es mucho más grande que cualquier lista de recomendaciones; no se abrió. Compruebe que es el archivo correcto.',
  importDamaged:
    '«{{name}}» está dañado y no se puede leer. Vuelva a descargar la lista, o ábrala en Word y guárdela como un nuevo .docx.',
  importNoTable: '«{{name}}» no contiene una tabla de recomendaciones: ninguna tabla tiene una fila de encabezado con las columnas {{columns}}.',
  importRowNoNumber: 'Esta fila no empieza con un número de recomendación (como 115.23); se omitió.',
  importRowDuplicate: 'La recomendación {{number}} ya figura en la lista (fila {{first}}); esta fila se omitió.',
  importRowNoText: 'La recomendación {{number}} no tiene texto; se omitió.',
  importRowPositionUnclear:
    'La posición de la recomendación {{number}} dice «{{position}}», ni «Supported» (apoyada) ni «Noted» (anotada); se importó sin posición.',
  importRowNoPosition: 'La recomendación {{number}} no tiene posición; se importó sin ella.',
  importRowNoState: 'No se encontró ningún Estado recomendante al final de la recomendación {{number}}; se importó sin él.',
  importRowNumberRestored: 'La hoja de cálculo guardó el número {{read}} como número, lo que elimina los ceros finales; sigue a {{previous}}, por lo que se leyó como {{number}}. Compruébelo.',
  importUnknownKind:
    '«{{name}}» no es un tipo de archivo que esta aplicación importe. Elija la lista temática del ACNUDH en Word (.docx), o una tabla guardada como libro de Excel (.xlsx) o como CSV (.csv).',
  importNotXlsx: '«{{name}}» no es un libro de Excel (.xlsx).',
  importProtectedOrXls:
    '«{{name}}» es un libro protegido con contraseña o un archivo .xls antiguo, que no se puede leer. Ábralo en Excel, guárdelo como .xlsx (Libro de Excel) sin protección e importe esa copia.',
  importNotCsv:
    '«{{name}}» no es un archivo de texto CSV: contiene un libro u otros datos binarios. Guarde la tabla como CSV, o importe directamente el libro .xlsx.',
  importTableDamaged:
    '«{{name}}» está dañado y no se puede leer. Ábralo en una hoja de cálculo y guárdelo de nuevo como .xlsx o .csv.',
  importCsvUnreadable:
    '«{{name}}» no se puede leer como CSV cerca de la línea {{line}}: quizá falte una comilla. Ábralo en una hoja de cálculo y guárdelo de nuevo como CSV.',
  importTableEmpty: '«{{name}}» está vacío: no tiene fila de encabezado ni recomendaciones.',
  importTooManyRows:
    '«{{name}}» tiene más de {{limit}} filas, muchas más que cualquier lista de recomendaciones; no se leyó. Compruebe que es el archivo correcto.',
  importCellTooLong:
    'La fila {{row}} de «{{name}}» tiene una celda de más de {{limit}} caracteres (columna {{column}}), mucho más larga que cualquier recomendación; el archivo no se leyó.',
  importMappingIncomplete:
    'Elija las columnas que contienen los números de las recomendaciones y sus textos: no se puede importar nada sin ambos.',
  importMappingUnknownHeader: '«{{name}}» no tiene ninguna columna titulada «{{header}}»; elija una de sus columnas.',
  importTableNoNumber: 'Esta fila no tiene número de recomendación (como 115.23) en la columna «{{column}}»; se omitió.',
  importTableBadNumber: '«{{value}}» no es un número de recomendación (como 115.23); esta fila se omitió.',
  pdfNeedsChromium: 'Para escribir un PDF se necesita Chromium, que no se encontró en {{path}}; instálelo o indique su ubicación en CHROMIUM_PATH.',
  pdfLayoutFailed: 'No se pudo compaginar el PDF, así que no se escribió nada. Escriba el informe en Word o como página web y avise a quien da soporte a la aplicación.',
  commentNotYours: "Solo la persona que hizo un comentario puede cambiar su texto.",
  replyNotYours: "Solo la persona que escribió una respuesta puede cambiarla.",
  noteNotYours: "Solo la persona que escribió una nota de seguimiento puede cambiarla.",
  notYourName: "Un cambio solo puede nombrar a quien lo hace como autor de un texto, una decisión o un cierre.",
  notYourOrganization: "Un comentario se hace en nombre de la organización de su autor.",
  heldBadStamp: "El cambio tiene una marca de tiempo ilegible.",
  heldTextByReviewer: "Su autor puede comentar esta sección pero no cambiar su texto, y este cambio hace algo más que marcar un pasaje.",
  heldTextNeeds: "Se apoya en un texto que este archivo no tiene (un cambio retenido, o de una copia aún no fusionada).",
  textUnknownNode: "El texto contiene un elemento que esta versión de la aplicación no conoce ({{type}}); quizá venga de una versión más reciente. No se guardó.",
  textNeedsEarlier: "Este cambio del texto se apoya en lo escrito que aún no se guardó; no se guardó por sí solo. El editor envía lo que falta y vuelve a guardar.",
  sectionDamaged: "El texto de la sección «{{title}}» no se puede leer: contiene algo que esta versión de la aplicación no entiende. El resto del informe funciona; restaure la sección desde una copia de seguridad o la copia de otra oficina.",
  textDamaged: "El texto de esta sección no se puede leer: contiene algo que esta versión de la aplicación no entiende, así que no puede cambiarse aquí. El resto del informe funciona.",
  targetIsReport: "«{{name}}» es un archivo de informe; una exportación, una copia o una copia de seguridad nunca se escribe sobre un informe. Elija otro nombre.",
  targetIsOpenReport: "{{file}} es un informe abierto en esta aplicación, o parte de uno; nunca se escribe nada encima. Elija otro nombre.",
  pathNotChosen: "Elija el archivo en la ventana que lo pide; la aplicación no acepta un archivo indicado de otra forma.",
  fileBusy: "Otro programa está escribiendo en este informe en este momento (el mismo archivo abierto en otra ventana, o un comando que trabaja en él); no se cambió nada. Inténtelo de nuevo en un momento.",
  fileDamagedWhileOpen: "No se pudo leer parte del archivo del informe: está dañado. No se cambió nada; use una copia de seguridad o la copia de otra oficina (upr check indica qué falla).",
  diskFull: "El disco está lleno; no se cambió nada. Libere espacio e inténtelo de nuevo.",
  fileReadOnly: "No se puede escribir el archivo del informe (él o su carpeta son de solo lectura); no se cambió nada.",
  fileIo: "No se pudo leer o escribir el disco; no se cambió nada. Compruebe el disco o la unidad de red e inténtelo de nuevo.",
  fileTooLargeForSystem: "El archivo superaría el tamaño que permite este sistema; no se escribió nada.",
  unexpected: "Ocurrió un problema que la aplicación no esperaba; es posible que lo pedido no se haya hecho. Los detalles se escribieron en {{log}}.",
};

export const errorStrings = { en: MESSAGE_TEXTS as Catalogue, fr, es };
