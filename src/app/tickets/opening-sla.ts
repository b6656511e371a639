import {
  type Criticality,
  computeSla,
  resolveSlaTargets,
  type StoredSla,
  storedSla,
} from '../../domain/sla/index';
import type { KnownAtChange } from '../effects';

/**
 * The SLA a ticket opens with (R7), from the settings and contract terms its creation read: its
 * history is the creation alone. Written with the ticket row, so the SLA effect that follows
 * finds it already stored and does not update the row again.
 */
export function openingSla(
  known: Pick<NonNullable<KnownAtChange['sla']>, 'config' | 'override'>,
  opening: { at: Date; criticality: Criticality; countsTowardSla: boolean },
): StoredSla {
  const report = computeSla(
    [
      {
        kind: 'created',
        at: opening.at,
        criticality: opening.criticality,
        countsTowardSla: opening.countsTowardSla,
      },
    ],
    {
      now: opening.at,
      calendar: known.config.calendar,
      targets: resolveSlaTargets(known.config.targets, known.override),
    },
  );
  return storedSla(report);
}
