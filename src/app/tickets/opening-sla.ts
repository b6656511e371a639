import {
  type Criticality,
  computeSla,
  resolveSlaTargets,
  type SlaReport,
  type SlaTargets,
  type StoredSla,
  storedSla,
} from '../../domain/sla/index';
import type { KnownAtChange } from '../effects';

/**
 * The SLA a ticket opens with (R7), from the settings and contract terms its creation read: its
 * history is the creation alone. Written with the ticket row, and handed to the SLA effect that
 * follows (known), which stores the rest of it without computing it again.
 */
export function openingSla(
  known: Pick<NonNullable<KnownAtChange['sla']>, 'config' | 'override'>,
  opening: { at: Date; criticality: Criticality; countsTowardSla: boolean },
): { stored: StoredSla; report: SlaReport; targets: SlaTargets } {
  const targets = resolveSlaTargets(known.config.targets, known.override);
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
      targets,
    },
  );
  return { stored: storedSla(report), report, targets };
}
