// Columns whose value follows from others of the row: a channel's normalised value from what is
// printed, an address's printed form from its parts. Every write path — a mutation, a data
// package — derives them the same way where they are not given, so a phone number typed as
// "03606 650-123" gets its `tel:` link whichever way it arrives.
import type { ModelName } from '../db/datamodel.js';
import type { Row } from './columns.js';
import type { Said } from './issues.js';
import { ChannelFormatError, channelValue } from './normalise.js';

interface Derivation {
  /** The column a value that cannot be derived is reported at. */
  from: string;
  derive(row: Row): unknown;
  /**
   * Whether, for this row, the column is a normalised form of its source, never a text of its
   * own: where the source yields one, it replaces what was given (a phone number changed in a
   * spreadsheet whose link was left as it was gets its new link); a source that yields none
   * leaves the given value. Otherwise (and for other derived columns) only an empty one is filled.
   */
  normalises?(row: Row): boolean;
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

function printedAddress(row: Row): string {
  const street = text(row.street) ?? (row.postOfficeBox ? `Postfach ${String(row.postOfficeBox)}` : null);
  const lines = [text(row.placeName), street, `${String(row.postalCode ?? '')} ${String(row.locality ?? '')}`.trim(), text(row.room)];
  return lines.filter(Boolean).join(', ');
}

const derivedColumns: { [M in ModelName]?: Record<string, Derivation> } = {
  ContactChannel: {
    value: {
      from: 'printed',
      // A form's address may be a deeper link than the one printed (rules/columns.ts lets them differ).
      normalises: (row) => row.kind !== 'WEB_FORM',
      derive: (row) => (typeof row.printed === 'string' ? channelValue(String(row.kind), row.printed) : null),
    },
  },
  Address: { printed: { from: 'postalCode', derive: printedAddress } },
};

/** Whether a package may leave the column out: it is derived. */
export const isDerived = (model: ModelName, column: string) => column in (derivedColumns[model] ?? {});

/**
 * The row with every derived column that is empty filled in (and every normalised one brought in
 * line with its source); what cannot be derived is reported at its source column.
 */
export function deriveColumns(model: ModelName, row: object, report: (column: string, problem: Said) => void): Row {
  const derived: Row = { ...row };
  for (const [column, derivation] of Object.entries(derivedColumns[model] ?? {})) {
    const given = derived[column] != null;
    if (given && !derivation.normalises?.(derived)) continue;
    try {
      const value = derivation.derive(derived);
      if (value != null) derived[column] = value;
    } catch (error) {
      if (!(error instanceof ChannelFormatError)) throw error;
      report(derivation.from, error.said);
    }
  }
  return derived;
}
