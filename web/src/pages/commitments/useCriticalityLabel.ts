import { useCommitments } from './useCommitments';

/** Criticality labels in the reader's language, from the commitments the server sends. */
export function useCriticalityLabel(): (criticality: string) => string {
  const commitments = useCommitments();
  return (criticality) =>
    commitments.data?.criticalities.find((row) => row.criticality === criticality)?.label ?? criticality;
}
