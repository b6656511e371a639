import { useQuery } from '@tanstack/react-query';
import { commitmentsKey, fetchCommitments } from '../../api/commitments';

/**
 * The live commitments of the signed-in customer's company: refetched on every visit, so admin
 * changes show, but not again for what the page's loader fetched a moment ago.
 */
export function useCommitments() {
  return useQuery({ queryKey: commitmentsKey, queryFn: fetchCommitments, staleTime: 5_000 });
}
