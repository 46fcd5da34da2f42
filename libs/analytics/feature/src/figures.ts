import { CountRow } from '@sieve/analytics-data-access';

export interface Figures {
  /** Distinct active installs; in a closed month, the figure frozen when it closed. */
  activeInstalls: number;
  /** Installs late events added after the month closed (0 while open). */
  adjustments: number;
  activeInstallsWithAdjustments: number;
}

/** A kept count as billing reads it: in a closed month the frozen figure, with what came since beside it. */
export function figuresOf(row: CountRow | undefined, closed: boolean): Figures {
  const installs = row?.installs ?? 0;
  const frozen = closed ? (row?.closedInstalls ?? 0) : installs;
  return { activeInstalls: frozen, adjustments: installs - frozen, activeInstallsWithAdjustments: installs };
}
