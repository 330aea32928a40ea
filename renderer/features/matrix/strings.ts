// The comment resolution matrix's strings, in every language the app speaks. Merged into i18next
// as the "matrix" namespace by ../../i18n.
export const matrixStrings = {
  en: { title: 'Comment resolution matrix' },
  fr: { title: 'Matrice de traitement des commentaires' },
  es: { title: 'Matriz de resolución de comentarios' },
} as const;
