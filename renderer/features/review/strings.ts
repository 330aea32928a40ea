// The review's strings (comments in the margin, the comment dialog, and the words every review
// screen shares: types, dispositions, states), in every language the app speaks. Merged into
// i18next as the "review" namespace by ../../i18n.
export const reviewStrings = {
  en: {
    type: { critical: 'Critical', substantive: 'Substantive', editorial: 'Editorial' },
    disposition: {
      accepted: 'Accepted',
      accepted_with_modification: 'Accepted with modification',
      not_accepted: 'Not accepted',
      none: 'No disposition yet',
    },
    state: { open: 'Open', answered: 'Answered', closed: 'Closed' },
    detached: 'Passage deleted',
    wholeSection: 'Whole section',
  },
  fr: {
    type: { critical: 'Critique', substantive: 'De fond', editorial: 'Rédactionnel' },
    disposition: {
      accepted: 'Accepté',
      accepted_with_modification: 'Accepté avec modification',
      not_accepted: 'Non retenu',
      none: 'Pas encore de suite donnée',
    },
    state: { open: 'Ouvert', answered: 'Répondu', closed: 'Clos' },
    detached: 'Passage supprimé',
    wholeSection: 'Toute la section',
  },
  es: {
    type: { critical: 'Crítico', substantive: 'Sustantivo', editorial: 'De redacción' },
    disposition: {
      accepted: 'Aceptado',
      accepted_with_modification: 'Aceptado con modificaciones',
      not_accepted: 'No aceptado',
      none: 'Aún sin decisión',
    },
    state: { open: 'Abierto', answered: 'Respondido', closed: 'Cerrado' },
    detached: 'Pasaje eliminado',
    wholeSection: 'Toda la sección',
  },
} as const;
