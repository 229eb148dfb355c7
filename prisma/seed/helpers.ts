// Small builders that keep the seed files close to the pages they transcribe.
import { normaliseEmail, normalisePhone } from '../../src/contacts/normalise.js';
import type { AddressKind, ChannelKind } from '../../src/generated/prisma/enums.js';
import type { SeedData, SeedPart } from './types.js';

export const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Joins the parts of several files into one data set. */
export function merge(...parts: SeedPart[]): SeedData {
  const all = {} as Record<string, unknown[]>;
  for (const part of parts) {
    for (const [table, rows] of Object.entries(part)) (all[table] ??= []).push(...(rows as unknown[]));
  }
  return all as unknown as SeedData;
}

function channelValue(kind: ChannelKind, printed: string): string | null {
  if (kind === 'EMAIL') return normaliseEmail(printed);
  if (kind === 'WEB_FORM') return null; // the pages print only the link text, not its address
  return normalisePhone(printed);
}

export interface AddressSpec {
  kind: AddressKind;
  placeName?: string;
  street?: string;
  postOfficeBox?: string;
  postalCode: string;
  locality: string;
  room?: string;
  /** Lines as printed. */
  lines: string[];
}

export interface ContactSpec {
  id: string;
  districtId: string;
  positionId: string;
  sourceId: string;
  person?: { salutation?: string; givenName?: string; familyName: string };
  validFrom?: Date;
  validFromStated?: boolean;
  validTo?: Date;
  validToStated?: boolean;
  validityNote?: string;
  channels?: [ChannelKind, string][];
  addresses?: AddressSpec[];
  officeHours?: {
    printed: string;
    location?: AddressSpec;
    byAppointment?: boolean;
    appointmentRequired?: boolean;
    /** [ISO weekday, opens, closes] */
    intervals?: [number, string, string][];
  };
}

function address(id: string, contactId: string, sourceId: string, spec: AddressSpec) {
  const { lines, ...fields } = spec;
  return { id, contactId, sourceId, ...fields, printed: lines.join(', ') };
}

/** A contact with its person, channels, addresses and office hours. */
export function contact(spec: ContactSpec): SeedPart {
  const { id, sourceId } = spec;
  const personId = spec.person ? `${id}/person` : null;
  const part: SeedPart = {
    persons: spec.person ? [{ id: personId!, sourceId, ...spec.person }] : [],
    contacts: [
      {
        id,
        districtId: spec.districtId,
        positionId: spec.positionId,
        personId,
        validFrom: spec.validFrom ?? null,
        validFromStated: spec.validFromStated ?? false,
        validTo: spec.validTo ?? null,
        validToStated: spec.validToStated ?? false,
        validityNote: spec.validityNote ?? null,
        sourceId,
      },
    ],
    channels: (spec.channels ?? []).map(([kind, printed], ordinal) => ({
      id: `${id}/channel/${ordinal}`,
      contactId: id,
      kind,
      printed,
      value: channelValue(kind, printed),
      ordinal,
      sourceId,
    })),
    addresses: (spec.addresses ?? []).map((spec2, index) => address(`${id}/address/${index}`, id, sourceId, spec2)),
    officeHours: [],
    intervals: [],
  };
  const hours = spec.officeHours;
  if (hours) {
    const hoursId = `${id}/hours`;
    let locationId: string | null = null;
    if (hours.location) {
      locationId = `${id}/address/hours`;
      part.addresses!.push(address(locationId, id, sourceId, hours.location));
    }
    part.officeHours!.push({
      id: hoursId,
      contactId: id,
      locationId,
      printed: hours.printed,
      byAppointment: hours.byAppointment ?? false,
      appointmentRequired: hours.appointmentRequired ?? false,
      sourceId,
    });
    part.intervals = (hours.intervals ?? []).map(([weekday, opens, closes], index) => ({
      id: `${hoursId}/${index}`,
      officeHoursId: hoursId,
      weekday,
      opens,
      closes,
    }));
  }
  return part;
}

/** Links a position to catalogue tasks, keeping each task's wording as printed. */
export function positionTasks(positionId: string, sourceId: string, tasks: [taskId: string, wording: string][]): SeedPart {
  return {
    positionTasks: tasks.map(([taskId, wording], ordinal) => ({
      id: `${positionId}/task/${taskId}`,
      positionId,
      taskId,
      wording,
      ordinal,
      sourceId,
    })),
  };
}
