import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { notify } from './notify';

export interface AdminMutationOptions<TData, TVariables> {
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** The green notice once it is done (none when left out). */
  success?: string | ((data: TData) => string);
  /** What to fetch again once it is done: these query keys, or `'all'` for every query. */
  invalidate?: readonly QueryKey[] | 'all';
  /** A failure as a red notice; otherwise the form shows `error` itself (FormAlert). */
  notifyError?: boolean;
  /** A failure handled by the form (field errors); replaces the red notice. */
  onError?: (error: Error) => void;
  onMutate?: () => void;
  /** What else follows success: clearing a form, closing a modal. */
  onSuccess?: (data: TData, variables: TVariables) => void;
}

/**
 * A change made from an administration form or a console modal: send it, say it is done, refresh
 * what it changed, and show a failure where the form expects it. One hook instead of the same
 * mutation, notice and invalidation written out on every page.
 */
export function useAdminMutation<TData = unknown, TVariables = void>(
  options: AdminMutationOptions<TData, TVariables>,
) {
  const client = useQueryClient();
  const { mutationFn, success, invalidate, notifyError = false, onError, onMutate, onSuccess } = options;
  return useMutation<TData, Error, TVariables>({
    mutationFn,
    ...(onMutate ? { onMutate } : {}),
    onSuccess: (data, variables) => {
      onSuccess?.(data, variables);
      if (success !== undefined) {
        notify({ color: 'green', message: typeof success === 'function' ? success(data) : success });
      }
      if (invalidate === 'all') void client.invalidateQueries();
      else for (const queryKey of invalidate ?? []) void client.invalidateQueries({ queryKey });
    },
    ...(onError
      ? { onError }
      : notifyError
        ? { onError: (error: Error) => notify({ color: 'red', message: error.message }) }
        : {}),
  });
}
