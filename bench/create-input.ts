import { frenchWords } from './words';

const word = (i: number) => frenchWords[(i * 37) % frenchWords.length] ?? 'erreur';

/** The n-th support ticket the creation benchmark opens (subjects and texts vary with n). */
export function creationInput(requestTypeId: string, i: number) {
  return {
    desk: 'support' as const,
    requestTypeId,
    criticality: (['moyenne', 'basse', 'haute', 'critique'] as const)[i % 4] ?? 'moyenne',
    subject: `Problème ${word(i)} ${word(i + 1)} numéro ${i}`,
    description: `Lors de la saisie, ${word(i + 2)} et ${word(i + 3)} ne se mettent pas à jour. Merci de votre aide.`,
    softwareVersion: '12.4',
    module: 'Ventes',
  };
}
