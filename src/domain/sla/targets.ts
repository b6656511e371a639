/**
 * SLA targets (R7), in business minutes of the desk's calendar. Admins set them per criticality,
 * and a contract may override some of them.
 */
import { CRITICALITIES, type Criticality } from './criticality';

export interface SlaTarget {
  /** Business minutes until the ticket is taken in charge. */
  engagementMinutes: number;
  /** Business minutes until the ticket is closed. */
  resolutionMinutes: number;
}

export type SlaTargets = Record<Criticality, SlaTarget>;

/** A contract's overrides: any criticality, any of its two targets. */
export type SlaTargetsOverride = Partial<Record<Criticality, Partial<SlaTarget>>>;

/** R7 defaults: Critique 1 h / 8 h, Haute 4 h / 24 h, Moyenne 8 h / 80 h, Basse 16 h / 160 h. */
export const defaultSlaTargets: SlaTargets = {
  critique: { engagementMinutes: 60, resolutionMinutes: 480 },
  haute: { engagementMinutes: 240, resolutionMinutes: 1440 },
  moyenne: { engagementMinutes: 480, resolutionMinutes: 4800 },
  basse: { engagementMinutes: 960, resolutionMinutes: 9600 },
};

/**
 * The targets in force for a contract: the global targets, with the contract's overrides on top.
 * Throws a RangeError when a target is not a non-negative whole number of minutes.
 */
export function resolveSlaTargets(global: SlaTargets, override: SlaTargetsOverride = {}): SlaTargets {
  const resolved = {} as SlaTargets;
  for (const criticality of CRITICALITIES) {
    const target = { ...global[criticality], ...override[criticality] };
    for (const [name, minutes] of Object.entries(target)) {
      if (!Number.isSafeInteger(minutes) || minutes < 0) {
        throw new RangeError(`SLA target ${criticality}.${name} must be whole minutes ≥ 0, got ${minutes}`);
      }
    }
    resolved[criticality] = target;
  }
  return resolved;
}
