import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';
import { ticketKeys } from './tickets';

/** The one cache of server data, shared by the pages and by the routes that fill it ahead of them. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (not found, forbidden …) will not change on retry.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// What a route loader fetched a moment ago is what the page shows: the page does not ask again on
// mount. Changes still refresh these at once through invalidation.
const prefetchedFreshFor = 5_000;
queryClient.setQueryDefaults(ticketKeys.each(), { staleTime: prefetchedFreshFor });
queryClient.setQueryDefaults(ticketKeys.lists(), { staleTime: prefetchedFreshFor });
